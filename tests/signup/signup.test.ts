// Issue 19 §1: a stranger creates a tenant through /signup and the emailed link.
import { and, count, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { organizations, roleGrants, roles, sessions, signupRequests, tenants, users } from "@/db/schema";
import { logIn } from "@/lib/auth/login";
import { loadViewer } from "@/lib/auth/session-check";
import { env } from "@/lib/env";
import { DEFAULT_GRANTS } from "@/lib/policy";
import { SIGNUP_LIFETIME_MS, SIGNUP_RULES } from "@/lib/signup/commands/request";
import { prepareSignupRequests } from "@/lib/signup/prepare";
import { ALREADY_REGISTERED } from "@/lib/users/commands/invite";
import { LINK_EXPIRED } from "@/lib/users/link-messages";
import { newToken } from "@/lib/users/tokens";
import { freshDemoDb } from "../helpers/db";
import { tableDigests } from "../helpers/db-state";
import { auditOf, emailsTo, invite, lastSignupToken, NEW_PASSWORD } from "../helpers/fixtures";
import { refusedWithoutChange } from "../helpers/snapshot";
import { acceptInvitation, finishSignup, requestSignup } from "../helpers/commands";

// Counts argon2 hashes: the limits must refuse before one runs (security.md H2's shape).
const hashing = vi.hoisted(() => ({ calls: 0 }));
vi.mock("@/lib/auth/password", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/auth/password")>();
  return { ...real, hashPassword: (password: string) => (hashing.calls++, real.hashPassword(password)) };
});

let db: Db;
beforeEach(async () => {
  db = await freshDemoDb();
});
afterEach(() => {
  env.SIGNUP = undefined;
});

const HOUR = 3_600_000;
const later = (ms: number) => new Date(Date.now() + ms);
const form = (email: string, orgName = "Initrode Heating") => ({ name: "Peter Gibbons", email, password: NEW_PASSWORD, orgName });
const tenantCount = async () => (await db.select({ n: count() }).from(tenants))[0]!.n;

/** Sign-up start, then the step that runs after the answer; returns the emailed token. */
async function signUp(email: string, ip = "10.4.0.1", orgName?: string): Promise<string> {
  await requestSignup(db, form(email, orgName), { ip });
  await prepareSignupRequests(db);
  return lastSignupToken(db, email);
}

describe("sign-up start", () => {
  it("does the same work and answers the same for a new and a registered address (security.md E3)", async () => {
    const written = async (email: string, ip: string) => {
      const before = await tableDigests(db);
      const answer = await requestSignup(db, form(email), { ip });
      const after = await tableDigests(db);
      const rows = (digest: string | undefined) => Number((digest ?? "0:").split(":")[0]);
      return { answer, changed: Object.fromEntries(Object.entries(after).filter(([t, d]) => d !== before[t]).map(([t, d]) => [t, rows(d) - rows(before[t])])) };
    };
    const hashesBefore = hashing.calls;
    const fresh = await written("peter@initrode.test", "10.4.1.1");
    const taken = await written("admin@acme.test", "10.4.1.2");
    expect(hashing.calls - hashesBefore).toBe(2);
    expect(taken).toEqual(fresh);
    expect(fresh).toEqual({ answer: undefined, changed: { signup_requests: 1 } });
    // Only after the answer: a link for the new address, a note for the registered one.
    expect(await prepareSignupRequests(db)).toBe(2);
    expect((await emailsTo(db, "peter@initrode.test")).map((e) => e.kind)).toEqual(["signup_verify"]);
    const note = await emailsTo(db, "admin@acme.test");
    expect(note.map((e) => e.kind)).toEqual(["signup_existing_account"]);
    expect(note[0]!.textBody).toContain("/login");
    expect(note[0]!.textBody).toContain("/forgot");
    expect(note[0]!.textBody).not.toMatch(/\/signup\//);
    // The registered address's request is gone; the new one waits for its link with only a hash.
    const left = await db.select().from(signupRequests);
    expect(left.map((r) => r.email)).toEqual(["peter@initrode.test"]);
    expect(left[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(left[0]!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(left[0]!.expiresAt.getTime() - left[0]!.createdAt.getTime()).toBe(SIGNUP_LIFETIME_MS);
  });

  it("refuses bad input with field errors and writes nothing", async () => {
    const bad = [
      { ...form("peter@initrode.test"), password: "short" },
      { ...form("peter@initrode.test"), password: "password123" },
      { ...form("peter@initrode.test"), orgName: "AB" },
      { ...form("not-an-email") },
      { ...form("peter@initrode.test"), name: "" },
      { ...form("peter@initrode.test"), extra: "field" },
    ];
    for (const input of bad) {
      const error = await refusedWithoutChange(db, () => requestSignup(db, input, { ip: "10.4.2.1" }));
      expect(error.code, JSON.stringify(input)).toBe("INVALID");
    }
  });

  it("is refused when the operator closed sign-up, and nothing is written", async () => {
    env.SIGNUP = "closed";
    const error = await refusedWithoutChange(db, () => requestSignup(db, form("peter@initrode.test"), { ip: "10.4.3.1" }));
    expect(error).toMatchObject({ code: "FORBIDDEN", refusal: "SIGNUP_CLOSED" });
  });
});

describe("abuse limits", () => {
  it(`takes ${SIGNUP_RULES.perIp.limit} sign-ups an hour from one address; the next is refused before any hashing and queues nothing`, async () => {
    for (let i = 0; i < SIGNUP_RULES.perIp.limit; i++) await requestSignup(db, form(`p${i}@initrode.test`), { ip: "10.4.4.1" });
    const hashesBefore = hashing.calls;
    const error = await refusedWithoutChange(db, () => requestSignup(db, form("one-more@initrode.test"), { ip: "10.4.4.1" }));
    expect(error).toMatchObject({ code: "LIMIT", refusal: "THROTTLED" });
    expect(hashing.calls).toBe(hashesBefore);
    // Another address goes on; the limited one again after the hour.
    await requestSignup(db, form("elsewhere@initrode.test"), { ip: "10.4.4.2" });
    await requestSignup(db, form("one-more@initrode.test"), { ip: "10.4.4.1", now: later(HOUR + 60_000) });
    expect((await db.select({ n: count() }).from(signupRequests))[0]!.n).toBe(SIGNUP_RULES.perIp.limit + 2);
  });

  it(`sends at most ${SIGNUP_RULES.perEmail.limit} emails to one address an hour; the next request looks the same and queues nothing`, async () => {
    for (let i = 0; i < SIGNUP_RULES.perEmail.limit; i++) await requestSignup(db, form("peter@initrode.test"), { ip: `10.4.5.${i + 1}` });
    const hashesBefore = hashing.calls;
    expect(await requestSignup(db, form("peter@initrode.test"), { ip: "10.4.5.99" })).toBeUndefined();
    expect(hashing.calls).toBe(hashesBefore);
    expect((await db.select({ n: count() }).from(signupRequests))[0]!.n).toBe(SIGNUP_RULES.perEmail.limit);
    await prepareSignupRequests(db);
    expect(await emailsTo(db, "peter@initrode.test")).toHaveLength(SIGNUP_RULES.perEmail.limit);
  });
});

describe("sign-up finish", () => {
  it("creates the tenant, its root org, the default grants and the person as Admin developer, logged in", async () => {
    const token = await signUp("peter@initrode.test");
    const { orgId, claims } = await finishSignup(db, { token }, { ip: "10.4.6.1", userAgent: "test" });
    const [tenant] = await db.select().from(tenants).where(eq(tenants.id, orgId));
    expect(tenant).toMatchObject({ name: "Initrode Heating", plan: env.SIGNUP_PLAN, suspendedAt: null });
    const [root] = await db.select().from(organizations).where(eq(organizations.tenantId, orgId));
    expect(root).toMatchObject({ id: orgId, parentId: null, depth: 1, type: "root", name: "Initrode Heating" });
    const roleRows = await db.select({ key: roles.key }).from(roles).where(eq(roles.tenantId, orgId));
    expect(roleRows.map((r) => r.key).sort()).toEqual(["admin", "staff", "user"]);
    const grants = await db.select({ n: count() }).from(roleGrants).where(eq(roleGrants.orgId, orgId));
    expect(grants[0]!.n).toBe(DEFAULT_GRANTS.admin.length + DEFAULT_GRANTS.staff.length + DEFAULT_GRANTS.user.length);
    const [person] = await db.select().from(users).where(eq(users.email, "peter@initrode.test"));
    expect(person).toMatchObject({ tenantId: orgId, orgId, role: "admin", developerMode: true, name: "Peter Gibbons" });
    expect(person!.acceptedAt).not.toBeNull();
    expect(await auditOf(db, orgId, "tenant_signed_up")).toHaveLength(1);
    // Logged in: the session the action puts in the cookie is live, in the new tenant.
    const viewer = await loadViewer(db, claims);
    expect(viewer).toMatchObject({ userId: person!.id, role: "admin", type: "developer", tenant: { id: orgId, name: "Initrode Heating" } });
    expect(await db.select().from(signupRequests)).toEqual([]);
    expect(await logIn(db, { email: "peter@initrode.test", password: NEW_PASSWORD, ip: "10.4.6.2", userAgent: null })).not.toBeNull();
  });

  it("is single use: a second finish says only that the link expired", async () => {
    const token = await signUp("peter@initrode.test");
    await finishSignup(db, { token }, { ip: "10.4.7.1" });
    const error = await refusedWithoutChange(db, () => finishSignup(db, { token }, { ip: "10.4.7.1" }));
    expect(error).toMatchObject({ code: "INVALID", refusal: "LINK_EXPIRED", message: LINK_EXPIRED });
  });

  it("expires after 24 hours (works the hour before) and the expired request is purged", async () => {
    const token = await signUp("peter@initrode.test");
    const error = await refusedWithoutChange(db, () => finishSignup(db, { token }, { ip: "10.4.8.1", now: later(SIGNUP_LIFETIME_MS + 60_000) }));
    expect(error).toMatchObject({ refusal: "LINK_EXPIRED" });
    await prepareSignupRequests(db, later(SIGNUP_LIFETIME_MS + 60_000));
    expect(await db.select().from(signupRequests)).toEqual([]);

    const again = await signUp("peter@initrode.test", "10.4.8.2");
    await finishSignup(db, { token: again }, { ip: "10.4.8.2", now: later(SIGNUP_LIFETIME_MS - HOUR) });
  });

  it("refuses unknown and malformed links alike", async () => {
    for (const token of [newToken(), "short", "x".repeat(43)]) {
      const error = await refusedWithoutChange(db, () => finishSignup(db, { token }, { ip: "10.4.9.1" }));
      expect(error).toMatchObject({ code: "INVALID", refusal: "LINK_EXPIRED", message: LINK_EXPIRED });
    }
  });

  it("creates nothing when the address got an account meanwhile (an invitation accepted)", async () => {
    const token = await signUp("peter@initrode.test");
    const invited = await invite(db, "admin@acme.test", { email: "peter@initrode.test" });
    await acceptInvitation(db, { token: invited.token, password: NEW_PASSWORD }, { ip: "10.4.10.1" });
    const tenantsBefore = await tenantCount();
    const error = await refusedWithoutChange(db, () => finishSignup(db, { token }, { ip: "10.4.10.2" }));
    expect(error).toMatchObject({ code: "CONFLICT", refusal: "EMAIL_TAKEN", message: ALREADY_REGISTERED });
    expect(await tenantCount()).toBe(tenantsBefore);
  });

  it("is refused once the operator has closed sign-up, and the link stays for when it opens again", async () => {
    const token = await signUp("peter@initrode.test");
    env.SIGNUP = "closed";
    const error = await refusedWithoutChange(db, () => finishSignup(db, { token }, { ip: "10.4.11.1" }));
    expect(error).toMatchObject({ code: "FORBIDDEN", refusal: "SIGNUP_CLOSED" });
    env.SIGNUP = "open";
    await finishSignup(db, { token }, { ip: "10.4.11.1" });
  });

  it("keeps tenants apart: the new Admin's session sees only the new tenant", async () => {
    const token = await signUp("peter@initrode.test");
    const { claims, orgId } = await finishSignup(db, { token }, { ip: "10.4.12.1" });
    const viewer = (await loadViewer(db, claims))!;
    expect(viewer.org.id).toBe(orgId);
    const sessionRows = await db.select({ tenantId: sessions.tenantId }).from(sessions).where(and(eq(sessions.userId, claims.uid)));
    expect(sessionRows).toEqual([{ tenantId: orgId }]);
  });
});
