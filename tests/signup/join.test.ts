// Issue 19 §3: people register themselves into a business tenant's root org through /join/<handle>.
import { count, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { signupRequests, tenants, users } from "@/db/schema";
import { loadViewer } from "@/lib/auth/session-check";
import { JOIN_UNAVAILABLE, NO_ROOM } from "@/lib/signup/messages";
import { joinableTenant } from "@/lib/signup/joinable";
import { prepareSignupRequests } from "@/lib/signup/prepare";
import { orgIdByName } from "../helpers/actors";
import { freshDemoDb } from "../helpers/db";
import { auditOf, emailsTo, lastSignupToken, NEW_PASSWORD } from "../helpers/fixtures";
import { refusedWithoutChange } from "../helpers/snapshot";
import { finishSignup, requestJoin } from "../helpers/commands";

let db: Db;
let initech: string;
beforeEach(async () => {
  db = await freshDemoDb();
  initech = await orgIdByName(db, "Initech Climate");
});

const form = (email: string, handle = "initech") => ({ handle, name: "Joanna Smith", email, password: NEW_PASSWORD });
const setTenant = (id: string, values: Partial<typeof tenants.$inferInsert>) => db.update(tenants).set(values).where(eq(tenants.id, id));
const usersOf = async (tenantId: string) => (await db.select({ n: count() }).from(users).where(eq(users.tenantId, tenantId)))[0]!.n;

async function join(email: string, ip = "10.5.0.1"): Promise<string> {
  await requestJoin(db, form(email), { ip });
  await prepareSignupRequests(db);
  return lastSignupToken(db, email);
}

describe("join on", () => {
  it("puts the verified person in the root org with the join role, type end user, logged in and audited", async () => {
    const token = await join("joanna@chotchkies.test");
    const email = (await emailsTo(db, "joanna@chotchkies.test"))[0]!;
    expect(email).toMatchObject({ kind: "join_verify", subject: "Finish signing up to Initech Climate on Roster" });
    const { orgId, claims } = await finishSignup(db, { token }, { ip: "10.5.0.1" });
    expect(orgId).toBe(initech);
    const [person] = await db.select().from(users).where(eq(users.email, "joanna@chotchkies.test"));
    expect(person).toMatchObject({ tenantId: initech, orgId: initech, role: "user", developerMode: false });
    expect(await auditOf(db, person!.id, "user_joined")).toHaveLength(1);
    expect(await loadViewer(db, claims)).toMatchObject({ userId: person!.id, type: "end_user", tenant: { id: initech } });
  });

  it("gives the role the tenant chose (a custom role on business)", async () => {
    await setTenant(initech, { joinRole: "field_technician" });
    await finishSignup(db, { token: await join("joanna@chotchkies.test") }, { ip: "10.5.1.1" });
    const [person] = await db.select({ role: users.role }).from(users).where(eq(users.email, "joanna@chotchkies.test"));
    expect(person!.role).toBe("field_technician");
  });

  it("lets in only the allowed email domains, when the tenant lists some", async () => {
    await setTenant(initech, { joinDomains: ["initech.test", "initrode.test"] });
    const error = await refusedWithoutChange(db, () => requestJoin(db, form("joanna@chotchkies.test"), { ip: "10.5.2.1" }));
    expect(error).toMatchObject({ code: "INVALID", refusal: "JOIN_DOMAIN", field: "email", message: "Use an email address at initech.test or initrode.test." });
    // A subdomain is another domain.
    await refusedWithoutChange(db, () => requestJoin(db, form("joanna@mail.initech.test"), { ip: "10.5.2.1" }));
    await finishSignup(db, { token: await join("joanna@initrode.test") }, { ip: "10.5.2.2" });
  });

  it("checks the domains again when the link is used: a domain struck off meanwhile creates nothing", async () => {
    const token = await join("joanna@chotchkies.test");
    await setTenant(initech, { joinDomains: ["initech.test"] });
    const error = await refusedWithoutChange(db, () => finishSignup(db, { token }, { ip: "10.5.3.1" }));
    expect(error).toMatchObject({ refusal: "JOIN_DOMAIN" });
  });
});

describe("the plan's user limit", () => {
  it("does not count pending sign-ups, and refuses verification past the limit with a message to contact the Admin", async () => {
    const seated = await usersOf(initech);
    await setTenant(initech, { limitsOverride: { maxUsers: seated + 1 } });
    const first = await join("first@chotchkies.test", "10.5.4.1");
    const second = await join("second@chotchkies.test", "10.5.4.2");
    // Two pending sign-ups, one seat: both were accepted at the start.
    expect((await db.select({ n: count() }).from(signupRequests))[0]!.n).toBe(2);
    await finishSignup(db, { token: second }, { ip: "10.5.4.2" });
    const error = await refusedWithoutChange(db, () => finishSignup(db, { token: first }, { ip: "10.5.4.1" }));
    expect(error).toMatchObject({ code: "LIMIT", refusal: "PLAN_USER_LIMIT", message: NO_ROOM });
    expect(await usersOf(initech)).toBe(seated + 1);
  });
});

describe("join off, unknown, suspended or on another plan: one identical answer", () => {
  const cases: Array<[string, () => Promise<string>]> = [
    ["turned off", async () => (await setTenant(initech, { joinEnabled: false }), "initech")],
    ["an unknown handle", async () => "no-such-tenant"],
    ["a suspended tenant", async () => (await setTenant(initech, { suspendedAt: new Date() }), "initech")],
    [
      "a pro tenant with the setting left on",
      async () => {
        await setTenant(await orgIdByName(db, "Acme Heating"), { handle: "acme", joinEnabled: true });
        return "acme";
      },
    ],
    ["Initech moved down to pro", async () => (await setTenant(initech, { plan: "pro" }), "initech")],
  ];

  it.each(cases)("%s: the page finds nothing and the start is refused like an unknown handle, nothing written", async (_label, arrange) => {
    const handle = await arrange();
    expect(await joinableTenant(db, { handle })).toBeNull();
    const error = await refusedWithoutChange(db, () => requestJoin(db, form("joanna@chotchkies.test", handle), { ip: "10.5.5.1" }));
    expect({ code: error.code, refusal: error.refusal, message: error.message }).toEqual({ code: "NOT_FOUND", refusal: "JOIN_UNAVAILABLE", message: JOIN_UNAVAILABLE });
  });

  it("a link sent while it was on is refused once it is off, and nothing is created", async () => {
    const token = await join("joanna@chotchkies.test");
    await setTenant(initech, { joinEnabled: false });
    const error = await refusedWithoutChange(db, () => finishSignup(db, { token }, { ip: "10.5.6.1" }));
    expect(error).toMatchObject({ code: "NOT_FOUND", refusal: "JOIN_UNAVAILABLE", message: JOIN_UNAVAILABLE });
  });

  it("refuses a malformed handle as bad input", async () => {
    const error = await refusedWithoutChange(db, () => requestJoin(db, form("joanna@chotchkies.test", "Not A Handle"), { ip: "10.5.7.1" }));
    expect(error.code).toBe("INVALID");
  });
});

describe("the same-answer rule holds for joins", () => {
  it("a registered address gets a note, not a link, and the answer does not differ", async () => {
    expect(await requestJoin(db, form("admin@acme.test"), { ip: "10.5.8.1" })).toBeUndefined();
    expect(await requestJoin(db, form("joanna@chotchkies.test"), { ip: "10.5.8.2" })).toBeUndefined();
    await prepareSignupRequests(db);
    expect((await emailsTo(db, "admin@acme.test")).map((e) => e.kind)).toEqual(["signup_existing_account"]);
    expect((await emailsTo(db, "joanna@chotchkies.test")).map((e) => e.kind)).toEqual(["join_verify"]);
  });
});
