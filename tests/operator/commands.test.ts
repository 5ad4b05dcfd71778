// The operator's commands in-process, on either engine: what each writes, what each refuses
// (with nothing written), and what a suspension does to a tenant's people.
import { and, count, eq, getTableColumns, inArray, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, organizations, orgMemberCounts, roleGrants, tenants, users } from "@/db/schema";
import { DEMO_PASSWORD } from "@/db/seed";
import { listAudit } from "@/lib/audit/list";
import { logIn } from "@/lib/auth/login";
import { loadViewer } from "@/lib/auth/session-check";
import { createTenant } from "@/lib/operator/create-tenant";
import { deleteTenant } from "@/lib/operator/delete-tenant";
import { listTenants, showTenant } from "@/lib/operator/list";
import { issueResetLink } from "@/lib/operator/reset-link";
import { resetLinkSchema } from "@/lib/operator/schemas";
import { setTenantPlan } from "@/lib/operator/set-plan";
import { resumeTenant, suspendTenant } from "@/lib/operator/suspend";
import { DEFAULT_GRANTS, installPlans } from "@/lib/policy";
import { LINK_EXPIRED, prepareResetRequests } from "@/lib/users/commands/account-recovery";
import { peekToken } from "@/lib/users/tokens";
import { actorFor, orgIdByName } from "../helpers/actors";
import { acceptInvitation, requestPasswordReset, resetPassword } from "../helpers/commands";
import { freshDemoDb } from "../helpers/db";
import { userByEmail } from "../helpers/demo";
import { emailsTo, invite, linkToken, NEW_PASSWORD, openSession } from "../helpers/fixtures";
import { SCHEMA_TABLES } from "../helpers/schema-tables";
import { refusedWithoutChange } from "../helpers/snapshot";

let db: Db;
let acmeId: string;
let initechId: string;
let globexId: string;
beforeEach(async () => {
  db = await freshDemoDb();
  acmeId = await orgIdByName(db, "Acme Heating");
  initechId = await orgIdByName(db, "Initech Climate");
  globexId = await orgIdByName(db, "Globex");
});
afterEach(() => {
  installPlans({});
});

const NO_FILTERS = { actor: "", action: null, target: "", from: null, to: null };
const canLogIn = async (email: string, password = DEMO_PASSWORD) => (await logIn(db, { email, password, ip: "10.3.3.3", userAgent: null })) !== null;
const operatorRows = (tenantId: string) =>
  db.select({ action: auditLog.action, orgId: auditLog.orgId, actorId: auditLog.actorId, actorEmail: auditLog.actorEmail, before: auditLog.before, after: auditLog.after }).from(auditLog).where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.actorEmail, "operator"))).orderBy(auditLog.id);

describe("tenant create", () => {
  it("makes the tenant, its root org, default grants and a pending Admin in one go; the emailed link lets them in", async () => {
    const created = await createTenant(db, { name: "Hooli", plan: "pro", adminEmail: "gavin@hooli.test", adminName: "Gavin Belson" });
    const [tenant] = await db.select().from(tenants).where(eq(tenants.id, created.tenantId));
    expect(tenant).toMatchObject({ name: "Hooli", plan: "pro", suspendedAt: null });
    const [root] = await db.select().from(organizations).where(eq(organizations.tenantId, created.tenantId));
    expect(root).toMatchObject({ id: created.tenantId, depth: 1, type: "root", name: "Hooli" });
    const [grants] = await db.select({ n: count() }).from(roleGrants).where(eq(roleGrants.orgId, root!.id));
    expect(grants!.n).toBe(DEFAULT_GRANTS.admin.length + DEFAULT_GRANTS.staff.length + DEFAULT_GRANTS.user.length);
    const admin = await userByEmail(db, "gavin@hooli.test");
    expect(admin).toMatchObject({ orgId: root!.id, role: "admin", developerMode: true, acceptedAt: null, passwordHash: null, name: "Gavin Belson" });

    const [email] = await emailsTo(db, "gavin@hooli.test");
    expect(email).toMatchObject({ kind: "invitation", tenantId: created.tenantId, status: "pending" });
    expect(email!.textBody).toContain(created.invitationLink);
    expect(await operatorRows(created.tenantId)).toEqual([{ action: "tenant_created", orgId: root!.id, actorId: null, actorEmail: "operator", before: null, after: { name: "Hooli", plan: "pro", admin: "gavin@hooli.test" } }]);

    await acceptInvitation(db, { token: linkToken(created.invitationLink, "invite"), password: NEW_PASSWORD }, { ip: "10.0.0.1" });
    expect(await canLogIn("gavin@hooli.test", NEW_PASSWORD)).toBe(true);
    // The operator's row is in the tenant's own audit log, as its Admin reads it.
    const log = await listAudit(db, await actorFor(db, "gavin@hooli.test"), NO_FILTERS);
    expect(log.rows.map((r) => [r.action, r.actorEmail])).toContainEqual(["tenant_created", "operator"]);
  });

  it("names the Admin after their address when no name is given", async () => {
    const created = await createTenant(db, { name: "Pied Piper", plan: "free", adminEmail: "richard@piedpiper.test" });
    expect(created.adminName).toBe("richard");
    expect((await userByEmail(db, "richard@piedpiper.test")).name).toBe("richard");
  });

  it("is refused for an address that has an account, whatever its case, with nothing written", async () => {
    const error = await refusedWithoutChange(db, () => createTenant(db, { name: "Copycat", plan: "pro", adminEmail: "admin@acme.test" }));
    expect(error).toMatchObject({ code: "CONFLICT", refusal: "EMAIL_TAKEN" });
  });
});

describe("tenant list and show", () => {
  it("count each tenant's people (pending included) and organizations", async () => {
    await invite(db, "admin@globex.test", { email: "pending@globex.test" });
    const list = await listTenants(db);
    expect(list.map((t) => [t.name, t.plan, t.users, t.organizations, t.suspendedAt])).toEqual([
      ["Acme Heating", "pro", 7, 5, null],
      ["Initech Climate", "business", 4, 3, null],
      ["Globex", "free", 2, 1, null],
    ]);
    const initech = await showTenant(db, { tenantId: initechId });
    expect(initech.usage).toEqual({ users: 4, pending: 0, developers: 1, subOrgs: 2, depth: 3, roles: 4, customRoleNames: ["Field Technician"], orgTypes: ["root", "distributor", "installer"] });
    expect(initech.admins).toEqual([{ email: "admin@initech.test", name: "Bill Lumbergh", pending: false, suspended: false }]);
    expect((await showTenant(db, { tenantId: globexId })).usage).toMatchObject({ users: 2, pending: 1 });
    await expect(showTenant(db, { tenantId: crypto.randomUUID() })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("tenant set-plan", () => {
  it("refuses a move that breaks limits, naming every one, and changes nothing", async () => {
    // A second developer: Sam becomes an Admin with developer mode (allowed on pro).
    await db.update(users).set({ role: "admin", developerMode: true }).where(eq(users.email, "staff@acme.test"));
    const error = await refusedWithoutChange(db, () => setTenantPlan(db, { tenantId: acmeId, plan: "free" }));
    expect(error).toMatchObject({ code: "LIMIT", refusal: "PLAN_LIMITS_BROKEN" });
    expect(error.message).toBe(
      "Acme Heating cannot move to the Free plan: 7 users, pending invitations included (Free allows 5); 4 sub-organizations (Free has none); organizations 3 levels deep (Free allows 1); 2 users in developer mode (Free allows one).",
    );
    expect(Object.keys(error.fieldErrors!)).toEqual(["maxUsers", "maxSubOrgs", "maxDepth", "developers"]);

    const initech = await refusedWithoutChange(db, () => setTenantPlan(db, { tenantId: initechId, plan: "pro" }));
    expect(initech.message).toBe("Initech Climate cannot move to the Pro plan: custom roles: Field Technician (Pro has none); distributor and installer organizations (Pro does not offer them).");
  });

  it("counts pending invitations against the new plan's users", async () => {
    await db.update(tenants).set({ plan: "pro" }).where(eq(tenants.id, globexId));
    for (const n of [1, 2, 3, 4, 5]) await invite(db, "admin@globex.test", { email: `p${n}@globex.test` });
    const error = await refusedWithoutChange(db, () => setTenantPlan(db, { tenantId: globexId, plan: "free" }));
    expect(error.message).toBe("Globex cannot move to the Free plan: 6 users, pending invitations included (Free allows 5).");
  });

  it("judges by the tenant's own overrides and by the operator's plans file", async () => {
    await db.update(tenants).set({ limitsOverride: { maxUsers: 6 } }).where(eq(tenants.id, acmeId));
    expect((await refusedWithoutChange(db, () => setTenantPlan(db, { tenantId: acmeId, plan: "business" }))).message).toBe(
      "Acme Heating cannot move to the Business plan: 7 users, pending invitations included (Business allows 6).",
    );
    await db.update(tenants).set({ limitsOverride: null }).where(eq(tenants.id, acmeId));
    installPlans({ business: { maxDepth: 2 } });
    expect((await refusedWithoutChange(db, () => setTenantPlan(db, { tenantId: acmeId, plan: "business" }))).message).toBe(
      "Acme Heating cannot move to the Business plan: organizations 3 levels deep (Business allows 2).",
    );
  });

  it("applies a move that fits and audits it as the operator's, in the tenant's own log", async () => {
    expect(await setTenantPlan(db, { tenantId: acmeId, plan: "business" })).toEqual({ tenantId: acmeId, name: "Acme Heating", from: "pro", to: "business", changed: true });
    const [tenant] = await db.select({ plan: tenants.plan }).from(tenants).where(eq(tenants.id, acmeId));
    expect(tenant!.plan).toBe("business");
    expect(await operatorRows(acmeId)).toEqual([{ action: "tenant_plan_changed", orgId: acmeId, actorId: null, actorEmail: "operator", before: { plan: "pro" }, after: { plan: "business" } }]);
    const log = await listAudit(db, await actorFor(db, "admin@acme.test"), { ...NO_FILTERS, actor: "operator" });
    expect(log.rows.map((r) => r.action)).toEqual(["tenant_plan_changed"]);
  });

  it("leaves a tenant already on the plan as it is, without an audit row", async () => {
    expect(await setTenantPlan(db, { tenantId: acmeId, plan: "pro" })).toMatchObject({ changed: false });
    expect(await operatorRows(acmeId)).toEqual([]);
    await expect(setTenantPlan(db, { tenantId: crypto.randomUUID(), plan: "pro" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("tenant suspend and resume", () => {
  it("a suspended tenant's people cannot log in, their sessions end, their links die; other tenants go on", async () => {
    const claims = await openSession(db, "admin@acme.test");
    expect(await loadViewer(db, claims)).not.toBeNull();
    const { token } = await invite(db, "admin@acme.test", { email: "newcomer@acme.test" });
    const globexClaims = await openSession(db, "admin@globex.test");

    expect(await suspendTenant(db, { tenantId: acmeId })).toMatchObject({ changed: true, sessionsEnded: 1 });
    expect(await loadViewer(db, claims)).toBeNull();
    expect(await canLogIn("admin@acme.test")).toBe(false);
    expect(await canLogIn("r@muller.test")).toBe(false);
    expect(await peekToken(db, token, "invitation")).toBe(false);
    await expect(acceptInvitation(db, { token, password: NEW_PASSWORD }, { ip: "10.0.0.2" })).rejects.toMatchObject({ refusal: "LINK_EXPIRED", message: LINK_EXPIRED });
    // "Forgot password" answers as always, and sends nothing.
    await requestPasswordReset(db, { email: "staff@acme.test" }, { ip: "10.0.0.3" });
    await prepareResetRequests(db);
    expect((await emailsTo(db, "staff@acme.test")).filter((e) => e.kind === "password_reset")).toEqual([]);
    await expect(issueResetLink(db, { email: "staff@acme.test" })).rejects.toMatchObject({ code: "CONFLICT", refusal: "TENANT_SUSPENDED" });

    expect(await loadViewer(db, globexClaims)).not.toBeNull();
    expect(await canLogIn("admin@initech.test")).toBe(true);
    expect((await operatorRows(acmeId)).map((r) => [r.action, r.after])).toEqual([["tenant_suspended", { sessionsEnded: 1 }]]);
    expect((await listTenants(db)).find((t) => t.id === acmeId)!.suspendedAt).toBeInstanceOf(Date);
  });

  it("ends a session that slipped past the suspension (a login racing it) on its next request", async () => {
    const claims = await openSession(db, "admin@acme.test");
    // What a login that read the tenant just before the suspension committed would leave behind.
    await db.update(tenants).set({ suspendedAt: new Date() }).where(eq(tenants.id, acmeId));
    expect(await loadViewer(db, claims)).toBeNull();
  });

  it("suspending twice changes nothing the second time; resuming lets people in again, but not old sessions", async () => {
    const claims = await openSession(db, "admin@acme.test");
    const { token } = await invite(db, "admin@acme.test", { email: "newcomer@acme.test" });
    await suspendTenant(db, { tenantId: acmeId });
    expect(await suspendTenant(db, { tenantId: acmeId })).toMatchObject({ changed: false, sessionsEnded: 0 });

    expect(await resumeTenant(db, { tenantId: acmeId })).toMatchObject({ changed: true, suspendedAt: null });
    expect(await resumeTenant(db, { tenantId: acmeId })).toMatchObject({ changed: false });
    expect(await canLogIn("admin@acme.test")).toBe(true);
    expect(await loadViewer(db, claims)).toBeNull();
    expect(await peekToken(db, token, "invitation")).toBe(true);
    expect((await operatorRows(acmeId)).map((r) => r.action)).toEqual(["tenant_suspended", "tenant_resumed"]);
  });
});

describe("user reset-link", () => {
  it("prints a working reset link for an active person, and audits it as the operator's", async () => {
    const link = await issueResetLink(db, { email: "admin@acme.test" });
    expect(link).toMatchObject({ kind: "password_reset", email: "admin@acme.test", tenantName: "Acme Heating" });
    expect(await emailsTo(db, "admin@acme.test")).toEqual([]);
    await resetPassword(db, { token: linkToken(link.link, "reset"), password: NEW_PASSWORD }, { ip: "10.0.0.4" });
    expect(await canLogIn("admin@acme.test", NEW_PASSWORD)).toBe(true);
    const [row] = await db.select().from(auditLog).where(eq(auditLog.action, "user_reset_link_issued"));
    expect(row).toMatchObject({ tenantId: acmeId, actorId: null, actorEmail: "operator", targetLabel: "admin@acme.test" });
  });

  it("gives someone who never accepted their invitation a new invitation link instead (the old one dies)", async () => {
    const { token: old } = await invite(db, "admin@acme.test", { email: "lost@acme.test" });
    const link = await issueResetLink(db, resetLinkSchema.parse({ email: " LOST@acme.test" }));
    expect(link.kind).toBe("invitation");
    expect(await peekToken(db, old, "invitation")).toBe(false);
    await acceptInvitation(db, { token: linkToken(link.link, "invite"), password: NEW_PASSWORD }, { ip: "10.0.0.5" });
    expect(await canLogIn("lost@acme.test", NEW_PASSWORD)).toBe(true);
  });

  it("is refused for an unknown address and for a suspended person, with nothing written", async () => {
    expect(await refusedWithoutChange(db, () => issueResetLink(db, { email: "nobody@acme.test" }))).toMatchObject({ code: "NOT_FOUND" });
    await db.update(users).set({ suspendedAt: new Date() }).where(eq(users.email, "staff@acme.test"));
    expect(await refusedWithoutChange(db, () => issueResetLink(db, { email: "staff@acme.test" }))).toMatchObject({ code: "CONFLICT", refusal: "ALREADY_SUSPENDED" });
  });
});

describe("tenant delete", () => {
  it("is refused unless confirmed with the tenant's exact name, with nothing written", async () => {
    for (const confirm of ["acme heating", "Acme", ""]) {
      expect(await refusedWithoutChange(db, () => deleteTenant(db, { tenantId: acmeId, confirm }))).toMatchObject({ code: "INVALID", refusal: "CONFIRM_MISMATCH" });
    }
  });

  it("removes every row of the tenant and its outbox in one go; the audit log keeps its record; others stay", async () => {
    await invite(db, "admin@acme.test", { email: "newcomer@acme.test" });
    await openSession(db, "admin@acme.test");
    const acmeOrgs = (await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.tenantId, acmeId))).map((o) => o.id);
    const initechBefore = await showTenant(db, { tenantId: initechId });

    const deleted = await deleteTenant(db, { tenantId: acmeId, confirm: "Acme Heating" });
    expect(deleted).toEqual({ tenantId: acmeId, name: "Acme Heating", removed: { users: 8, organizations: 5, devices: 4, emails: 1 } });
    for (const { name, table } of SCHEMA_TABLES) {
      const tenantColumn = getTableColumns(table).tenantId;
      if (!tenantColumn) continue;
      const [row] = await db.select({ n: count() }).from(table).where(eq(tenantColumn, acmeId));
      if (name === "audit_log") expect(row!.n, name).toBeGreaterThan(0);
      else expect(row!.n, name).toBe(0);
    }
    const [counters] = await db.select({ n: count() }).from(orgMemberCounts).where(inArray(orgMemberCounts.orgId, acmeOrgs));
    expect(counters!.n).toBe(0);
    const [record] = await db.select().from(auditLog).where(and(eq(auditLog.tenantId, acmeId), eq(auditLog.action, "tenant_deleted")));
    expect(record).toMatchObject({ actorEmail: "operator", targetLabel: "Acme Heating", before: { name: "Acme Heating", plan: "pro", users: 8, organizations: 5, devices: 4, emails: 1 } });
    expect(await showTenant(db, { tenantId: initechId })).toEqual(initechBefore);
    expect(await canLogIn("admin@globex.test")).toBe(true);
    const [{ n } = { n: 0 }] = (await db.execute<{ n: number }>(sql`select count(*)::int as n from users where email like '%@acme.test'`)).rows;
    expect(Number(n)).toBe(0);
  });
});
