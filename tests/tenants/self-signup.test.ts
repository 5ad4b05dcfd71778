// Self sign-up settings (product.md §1, issue 19 §3): who may set them, what they accept, and
// what the join page may rely on. Every refusal is checked to leave the database as it was.
import { desc, eq, ne } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, tenants, users } from "@/db/schema";
import type { Actor } from "@/lib/commands/actor";
import { env } from "@/lib/env";
import { joinableTenant } from "@/lib/signup/joinable";
import { selfSignupSettings } from "@/lib/tenants/join-settings";
import { actorFor, orgIdByName } from "../helpers/actors";
import { createRole, deleteRole, updateGrants, updateSelfSignup } from "../helpers/commands";
import { freshDemoDb } from "../helpers/db";
import { userByEmail } from "../helpers/demo";
import { refusedWithoutChange } from "../helpers/snapshot";

let db: Db;
let initech: string;
beforeEach(async () => {
  db = await freshDemoDb();
  initech = await orgIdByName(db, "Initech Climate");
});

const settingsOf = async (tenantId: string) => {
  const [t] = await db.select({ enabled: tenants.joinEnabled, role: tenants.joinRole, domains: tenants.joinDomains, handle: tenants.handle }).from(tenants).where(eq(tenants.id, tenantId));
  return t!;
};
const input = (actor: Actor, over: Record<string, unknown> = {}) => ({ orgId: actor.org.id, enabled: true, role: "user", domains: [], handle: "initech", ...over });
const bill = () => actorFor(db, "admin@initech.test");

describe("updateSelfSignup: the root org's Admin on business", () => {
  it("sets the role, the domains (normalised) and the handle, audited with before and after", async () => {
    const admin = await bill();
    const result = await updateSelfSignup(db, admin, input(admin, { role: "field_technician", domains: [" Initech.TEST", "@example.com", "initech.test"], handle: " Initech-Climate " }));
    expect(result).toEqual({ joinUrl: new URL("/join/initech-climate", env.APP_URL).toString() });
    expect(await settingsOf(initech)).toEqual({ enabled: true, role: "field_technician", domains: ["initech.test", "example.com"], handle: "initech-climate" });
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, "self_signup_changed"));
    expect(audit).toMatchObject({
      tenantId: initech,
      orgId: initech,
      actorEmail: "admin@initech.test",
      targetType: "org",
      targetId: initech,
      targetLabel: "Initech Climate",
      before: { enabled: true, role: "user", domains: [], handle: "initech" },
      after: { enabled: true, role: "field_technician", domains: ["initech.test", "example.com"], handle: "initech-climate" },
    });
    // The old link is free again, the new one leads to Initech.
    expect(await joinableTenant(db, { handle: "initech" })).toBeNull();
    expect(await joinableTenant(db, { handle: "initech-climate" })).toMatchObject({ id: initech, role: "field_technician", domains: ["initech.test", "example.com"] });
  });

  it("turning it off keeps the handle, so the same link comes back; saving what is saved writes nothing", async () => {
    const admin = await bill();
    await updateSelfSignup(db, admin, input(admin, { enabled: false }));
    expect(await settingsOf(initech)).toMatchObject({ enabled: false, handle: "initech" });
    expect(await joinableTenant(db, { handle: "initech" })).toBeNull();
    await updateSelfSignup(db, admin, input(admin, { enabled: true }));
    expect(await joinableTenant(db, { handle: "initech" })).toMatchObject({ id: initech, role: "user" });
    const audits = await db.select().from(auditLog).where(eq(auditLog.action, "self_signup_changed"));
    expect(audits.map((a) => (a.after as { enabled: boolean }).enabled)).toEqual([false, true]);
    await withoutTrace(() => updateSelfSignup(db, admin, input(admin)));
  });

  it("lets Staff of the root give roles that hold no more than Staff does, never one above", async () => {
    const admin = await bill();
    const { key } = await createRole(db, admin, { orgId: initech, name: "Deleter" });
    await updateGrants(db, admin, { orgId: initech, roles: [{ role: key, grants: ["users.view", "users.delete"] }] });
    await db.update(users).set({ role: "staff" }).where(eq(users.email, "tech@initech.test"));
    const staff = await actorFor(db, "tech@initech.test");
    expect((await selfSignupSettings(db, staff)).roles.map((r) => r.key).sort()).toEqual(["field_technician", "staff", "user"]);
    const above = await refusedWithoutChange(db, () => updateSelfSignup(db, staff, input(staff, { role: key })));
    expect(above).toMatchObject({ code: "FORBIDDEN", refusal: "ROLE_ABOVE_YOURS" });
    await updateSelfSignup(db, staff, input(staff, { role: "staff", domains: ["initech.test"] }));
    expect(await settingsOf(initech)).toMatchObject({ role: "staff", domains: ["initech.test"] });
  });
});

/** A save that changes nothing succeeds and leaves no trace, not even an audit row. */
async function withoutTrace(work: () => Promise<unknown>) {
  const before = await db.select().from(auditLog);
  const tenantBefore = await settingsOf(initech);
  await work();
  expect(await db.select().from(auditLog)).toEqual(before);
  expect(await settingsOf(initech)).toEqual(tenantBefore);
}

describe("updateSelfSignup: refusals change nothing", () => {
  it("refuses a viewer without org.settings, and one who may not invite", async () => {
    const tech = await actorFor(db, "tech@initech.test");
    expect(await refusedWithoutChange(db, () => updateSelfSignup(db, tech, input(tech)))).toMatchObject({ code: "FORBIDDEN", refusal: "MISSING_PERMISSION" });
    const admin = await bill();
    const { key } = await createRole(db, admin, { orgId: initech, name: "Office" });
    await updateGrants(db, admin, { orgId: initech, roles: [{ role: key, grants: ["org.settings"] }] });
    await db.update(users).set({ role: key }).where(eq(users.email, "tech@initech.test"));
    const office = await actorFor(db, "tech@initech.test");
    const refused = await refusedWithoutChange(db, () => updateSelfSignup(db, office, input(office)));
    expect(refused).toMatchObject({ code: "FORBIDDEN", refusal: "MISSING_PERMISSION", message: 'You need the "Invite users" permission' });
  });

  it("refuses in a sub-organization, for its own Admin and for the root's Admin switched into it", async () => {
    const northwind = await actorFor(db, "d@northwind.test");
    const own = await refusedWithoutChange(db, () => updateSelfSignup(db, northwind, input(northwind)));
    expect(own).toMatchObject({ code: "FORBIDDEN", refusal: "SELF_SIGNUP_IN_ROOT", message: "Self sign-up is set in the root organization" });
    const switched = await actorFor(db, "admin@initech.test", await orgIdByName(db, "Northwind Distribution"));
    expect(await refusedWithoutChange(db, () => updateSelfSignup(db, switched, input(switched)))).toMatchObject({ refusal: "SELF_SIGNUP_IN_ROOT" });
  });

  it("refuses on plans without self sign-up, with the plan's name, also when the plan changes under the request", async () => {
    const acme = await actorFor(db, "admin@acme.test");
    const pro = await refusedWithoutChange(db, () => updateSelfSignup(db, acme, input(acme, { handle: "acme" })));
    expect(pro).toMatchObject({ code: "LIMIT", refusal: "PLAN_NO_SELF_SIGNUP", message: "Self sign-up is not available on the Pro plan; it comes with Business" });
    const globex = await actorFor(db, "admin@globex.test");
    expect(await refusedWithoutChange(db, () => updateSelfSignup(db, globex, input(globex, { handle: "globex" })))).toMatchObject({ message: "Self sign-up is not available on the Free plan; it comes with Business" });
    // The actor was resolved on business; the operator moved the tenant to pro before the command ran.
    const admin = await bill();
    await db.update(tenants).set({ plan: "pro" }).where(eq(tenants.id, initech));
    expect(await refusedWithoutChange(db, () => updateSelfSignup(db, admin, input(admin, { domains: ["initech.test"] })))).toMatchObject({ refusal: "PLAN_NO_SELF_SIGNUP" });
  });

  it("refuses Admin and unknown roles", async () => {
    const admin = await bill();
    expect(await refusedWithoutChange(db, () => updateSelfSignup(db, admin, input(admin, { role: "admin" })))).toMatchObject({ code: "FORBIDDEN", refusal: "JOIN_ROLE_ADMIN" });
    expect(await refusedWithoutChange(db, () => updateSelfSignup(db, admin, input(admin, { role: "ghost" })))).toMatchObject({ code: "INVALID", refusal: "ROLE_UNKNOWN", field: "role" });
  });

  it("refuses malformed domains and handles, more than 20 domains, and fields it does not take", async () => {
    const admin = await bill();
    const invalid = async (over: Record<string, unknown>) => (await refusedWithoutChange(db, () => updateSelfSignup(db, admin, input(admin, over)))).fieldErrors;
    for (const bad of ["not a domain", "localhost", "-initech.com", "initech..com", "initech.c0m9", "exa_mple.com", "bücher.de", "a@b.com"]) {
      expect(await invalid({ domains: ["initech.test", bad] }), bad).toHaveProperty("domains");
    }
    expect(await invalid({ domains: Array.from({ length: 21 }, (_, i) => `d${i}.test`) })).toEqual({ domains: "List at most 20 domains." });
    for (const bad of ["ab", "-initech", "initech-", "init ech", "initech_x", "ü-initech", "a".repeat(41), ""]) {
      expect(await invalid({ handle: bad }), bad).toHaveProperty("handle");
    }
    expect(await invalid({ tenantId: await orgIdByName(db, "Acme Heating") })).toEqual({ _form: "Unexpected field." });
  });

  it("refuses a handle another tenant holds, naming the field", async () => {
    await db.update(tenants).set({ handle: "acme" }).where(eq(tenants.id, await orgIdByName(db, "Acme Heating")));
    const admin = await bill();
    const taken = await refusedWithoutChange(db, () => updateSelfSignup(db, admin, input(admin, { handle: "ACME" })));
    expect(taken).toMatchObject({ code: "CONFLICT", refusal: "HANDLE_TAKEN", field: "handle" });
  });

  it("answers a viewer of another tenant exactly like an unknown org", async () => {
    const asAcme = (orgId: string) => refusedWithoutChange(db, () => actorFor(db, "admin@acme.test", orgId).then((a) => updateSelfSignup(db, a, { orgId, enabled: false, role: "user", domains: [], handle: "initech" })));
    const foreign = await asAcme(initech);
    const unknown = await asAcme(crypto.randomUUID());
    expect(foreign).toMatchObject({ code: "NOT_FOUND", message: "Not found" });
    expect({ code: foreign.code, message: foreign.message, refusal: foreign.refusal }).toEqual({ code: unknown.code, message: unknown.message, refusal: unknown.refusal });
  });
});

describe("isolation", () => {
  it("changes only the acting tenant's row", async () => {
    const others = () => db.select().from(tenants).where(ne(tenants.id, initech)).orderBy(tenants.id);
    const before = await others();
    const admin = await bill();
    await updateSelfSignup(db, admin, input(admin, { role: "field_technician", domains: ["initech.test"], handle: "initech-2" }));
    expect(await others()).toEqual(before);
  });
});

describe("deleting the role self sign-up gives", () => {
  it("moves self sign-up to the replacement, and refuses Admin as that replacement", async () => {
    const admin = await bill();
    await updateSelfSignup(db, admin, input(admin, { role: "field_technician" }));
    const refused = await refusedWithoutChange(db, () => deleteRole(db, admin, { orgId: initech, role: "field_technician", replacement: "admin" }));
    expect(refused).toMatchObject({ code: "FORBIDDEN", refusal: "JOIN_ROLE_ADMIN", field: "replacement" });
    await deleteRole(db, admin, { orgId: initech, role: "field_technician", replacement: "staff" });
    expect(await settingsOf(initech)).toMatchObject({ role: "staff" });
    expect((await userByEmail(db, "tech@initech.test")).role).toBe("staff");
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, "role_deleted")).orderBy(desc(auditLog.createdAt));
    expect(audit!.after).toMatchObject({ selfSignupRole: "staff" });
  });
});

describe("what the settings page reads", () => {
  it("gives the page the settings, the link and the roles the viewer may give (never Admin)", async () => {
    const admin = await bill();
    expect(await selfSignupSettings(db, admin)).toEqual({
      enabled: true,
      role: "user",
      domains: [],
      handle: "initech",
      proposedHandle: "initech",
      joinUrl: new URL("/join/initech", env.APP_URL).toString(),
      joinUrlPrefix: new URL("/join/", env.APP_URL).toString(),
      roles: [
        { key: "field_technician", name: "Field Technician", builtin: false },
        { key: "staff", name: "Staff", builtin: true },
        { key: "user", name: "User", builtin: true },
      ],
    });
  });

  it("suggests a free handle from the tenant's name when there is none", async () => {
    const acme = await actorFor(db, "admin@acme.test");
    expect(await selfSignupSettings(db, acme)).toMatchObject({ handle: null, proposedHandle: "acme-heating", joinUrl: null });
    await db.update(tenants).set({ handle: "acme-heating" }).where(eq(tenants.id, await orgIdByName(db, "Globex")));
    expect((await selfSignupSettings(db, acme)).proposedHandle).toBe("acme-heating-2");
    await db.update(tenants).set({ name: "Über Ökö Ltd." }).where(eq(tenants.id, await orgIdByName(db, "Acme Heating")));
    expect((await selfSignupSettings(db, acme)).proposedHandle).toBe("uber-oko-ltd");
    await db.update(tenants).set({ name: "株式会社" }).where(eq(tenants.id, await orgIdByName(db, "Acme Heating")));
    expect((await selfSignupSettings(db, acme)).proposedHandle).toBe("team");
  });
});
