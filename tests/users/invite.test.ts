import { and, count, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, roleGrants, roles, userTokens } from "@/db/schema";
import { env } from "@/lib/env";
import { hashToken, TOKEN_LIFETIME_MS } from "@/lib/users/tokens";

import { ALREADY_REGISTERED } from "@/lib/users/commands/invite";
import { actorFor, orgIdByName } from "../helpers/actors";
import { freshDemoDb } from "../helpers/db";
import { userByEmail } from "../helpers/demo";
import { auditOf, emailsTo, invite, linkToken, mullerAdmin } from "../helpers/fixtures";
import { refusedWithoutChange, snapshot } from "../helpers/snapshot";
import { inviteUser, revokeInvitations } from "../helpers/commands";

let db: Db;
beforeEach(async () => {
  db = await freshDemoDb();
});

const inviteAs = async (email: string, input: Record<string, unknown>) => {
  const actor = await actorFor(db, email);
  return inviteUser(db, actor, { orgId: actor.org.id, name: "New Person", role: "user", locationIds: [], ...input });
};

describe("invite: what it creates", () => {
  it("creates a pending user, a hashed 30-day token, one email and one audit row", async () => {
    const before = Date.now();
    const { userId } = await inviteAs("admin@acme.test", { email: "  New.Person@Example.TEST ", role: "staff", phone: "+49 30 1234" });
    const user = await userByEmail(db, "new.person@example.test");
    expect(user).toMatchObject({ id: userId, role: "staff", phone: "+49 30 1234", passwordHash: null, acceptedAt: null, lastLoginAt: null, orgId: await orgIdByName(db, "Acme Heating") });

    const [email, ...more] = await emailsTo(db, "new.person@example.test");
    expect(more).toHaveLength(0);
    expect(email).toMatchObject({ kind: "invitation", status: "pending" });
    const token = linkToken(email!.textBody, "invite");
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new URL(email!.textBody.split("\n").find((line) => line.includes("/invite/"))!).origin).toBe(new URL(env.APP_URL).origin);

    const tokens = await db.select().from(userTokens).where(eq(userTokens.userId, userId));
    expect(tokens).toHaveLength(1);
    expect(tokens[0]).toMatchObject({ kind: "invitation", tokenHash: hashToken(token), usedAt: null });
    const lifetime = tokens[0]!.expiresAt.getTime() - before;
    expect(lifetime).toBeGreaterThan(TOKEN_LIFETIME_MS.invitation - 60_000);
    expect(lifetime).toBeLessThanOrEqual(TOKEN_LIFETIME_MS.invitation + 1_000);
    expect(TOKEN_LIFETIME_MS.invitation).toBe(30 * 86_400_000);

    // Only the hash is stored: the plaintext is nowhere but in the email that carries the link.
    const { outbox, ...rest } = await snapshot(db);
    expect(JSON.stringify(rest)).not.toContain(token);
    expect(outbox.filter((row) => row.includes(token))).toHaveLength(1);

    const audit = await auditOf(db, userId);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "user_invited", actorEmail: "admin@acme.test", targetLabel: "new.person@example.test", after: { role: "staff", org: "Acme Heating" } });
  });

  it("lets Staff invite Users and Staff into their org, and a parent Admin invite into a sub-org", async () => {
    await inviteAs("staff@acme.test", { email: "u1@acme.test", role: "user" });
    await inviteAs("staff@acme.test", { email: "s1@acme.test", role: "staff" });
    await inviteAs("admin@acme.test", { email: "sub@acme.test", targetOrgId: await orgIdByName(db, "Hill Cottage") });
    expect((await userByEmail(db, "sub@acme.test")).orgId).toBe(await orgIdByName(db, "Hill Cottage"));
  });

  it("writes an invitation token per user, never the same twice", async () => {
    const a = await invite(db, "admin@acme.test", { email: "a@acme.test" });
    const b = await invite(db, "admin@acme.test", { email: "b@acme.test" });
    expect(a.token).not.toBe(b.token);
  });
});

describe("invite: refusals change nothing", () => {
  it("refuses Staff making someone an Admin (FORBIDDEN)", async () => {
    const error = await refusedWithoutChange(db, () => inviteAs("staff@acme.test", { email: "boss@acme.test", role: "admin" }));
    expect(error).toMatchObject({ code: "FORBIDDEN", refusal: "ROLE_ABOVE_YOURS", message: "Only an Admin can make someone an Admin" });
  });

  it("refuses a User, who holds no permission (FORBIDDEN)", async () => {
    const error = await refusedWithoutChange(db, () => inviteAs("user@acme.test", { email: "x@acme.test" }));
    expect(error.code).toBe("FORBIDDEN");
  });

  it("refuses an email already in reach with CONFLICT offering a transfer, however it is typed", async () => {
    for (const email of ["staff@acme.test", " STAFF@Acme.Test ", "r@muller.test"]) {
      const error = await refusedWithoutChange(db, () => inviteAs("admin@acme.test", { email }));
      expect(error.code).toBe("CONFLICT");
      expect(error.refusal).toBe("EMAIL_TAKEN");
      expect(error.message).toMatch(/transfer/i);
    }
  });

  it("answers only 'This email is already registered.' for another tenant's email, never naming it", async () => {
    for (const email of ["admin@globex.test", "Admin@GLOBEX.test"]) {
      const error = await refusedWithoutChange(db, () => inviteAs("admin@acme.test", { email }));
      expect(error).toMatchObject({ code: "CONFLICT", refusal: "EMAIL_TAKEN", message: ALREADY_REGISTERED });
    }
    // The same for Globex asking about an Acme address.
    const error = await refusedWithoutChange(db, () => inviteAs("admin@globex.test", { email: "staff@acme.test" }));
    expect(error).toMatchObject({ code: "CONFLICT", refusal: "EMAIL_TAKEN", message: ALREADY_REGISTERED });
    expect(error.message).not.toMatch(/acme|globex|Sam|Stone/i);
  });

  it("answers 'already registered' to a sub-org Admin asking about an account above them", async () => {
    const boss = await mullerAdmin(db);
    const error = await refusedWithoutChange(db, () => inviteUser(db, boss, { orgId: boss.org.id, name: "X", email: "staff@acme.test", role: "user", locationIds: [] }));
    expect(error).toMatchObject({ code: "CONFLICT", refusal: "EMAIL_TAKEN", message: ALREADY_REGISTERED });
  });

  it("does not name someone in a sub-org to a viewer who may not switch below", async () => {
    const staff = await actorFor(db, "staff@acme.test");
    const [role] = await db.select({ id: roles.id }).from(roles).where(and(eq(roles.tenantId, staff.viewer.tenant.id), eq(roles.key, "staff")));
    await db.delete(roleGrants).where(and(eq(roleGrants.orgId, staff.org.id), eq(roleGrants.roleId, role!.id), eq(roleGrants.permission, "orgs.switch")));
    const error = await refusedWithoutChange(db, () => inviteAs("staff@acme.test", { email: "r@muller.test" }));
    expect(error).toMatchObject({ code: "CONFLICT", refusal: "EMAIL_TAKEN", message: ALREADY_REGISTERED });
    // Someone in their own org is still named, with the way forward.
    const own = await refusedWithoutChange(db, () => inviteAs("staff@acme.test", { email: "user@acme.test" }));
    expect(own.message).toMatch(/Uma Ulrich already has an account in Acme Heating/);
  });

  it("holds the free plan's 5 users, pending invitations included (LIMIT)", async () => {
    for (let i = 1; i <= 4; i++) await inviteAs("admin@globex.test", { email: `g${i}@globex.test` });
    const error = await refusedWithoutChange(db, () => inviteAs("admin@globex.test", { email: "g5@globex.test" }));
    expect(error.code).toBe("LIMIT");
    expect(error.refusal).toBe("PLAN_USER_LIMIT");
    expect(error.message).toContain("5 users, pending invitations included");
  });

  it("refuses the 26th invitation of the day per tenant (LIMIT); other tenants are not affected", async () => {
    for (let i = 1; i <= 25; i++) await inviteAs("admin@acme.test", { email: `bulk${i}@acme.test` });
    const error = await refusedWithoutChange(db, () => inviteAs("admin@acme.test", { email: "bulk26@acme.test" }));
    expect(error).toMatchObject({ code: "LIMIT", refusal: "DAILY_INVITE_CAP", message: "At most 25 invitations can be sent per day; 0 left today" });
    await inviteAs("admin@globex.test", { email: "fine@globex.test" });
  });

  it("reveals nothing about registered emails once the day's invitations are used up (security.md E8)", async () => {
    for (let i = 1; i <= 25; i++) await inviteAs("admin@acme.test", { email: `bulk${i}@acme.test` });
    const error = await refusedWithoutChange(db, () => inviteAs("admin@acme.test", { email: "admin@globex.test" }));
    expect(error.code).toBe("LIMIT");
  });

  it("does not give invitations back when they are revoked: the cap counts what was sent today", async () => {
    const admin = await actorFor(db, "admin@acme.test");
    const ids: string[] = [];
    for (let i = 1; i <= 25; i++) ids.push((await inviteAs("admin@acme.test", { email: `bulk${i}@acme.test` })).userId);
    expect((await revokeInvitations(db, admin, { orgId: admin.org.id, userIds: ids })).done).toHaveLength(25);
    const error = await refusedWithoutChange(db, () => inviteAs("admin@acme.test", { email: "again@acme.test" }));
    expect(error.code).toBe("LIMIT");
  });

  it("answers NOT_FOUND, worded like an unknown id, for an org outside the tenant or above the viewer", async () => {
    const random = await refusedWithoutChange(db, () => inviteAs("admin@acme.test", { email: "x@acme.test", targetOrgId: crypto.randomUUID() }));
    const globexOrg = (await userByEmail(db, "admin@globex.test")).orgId;
    const foreign = await refusedWithoutChange(db, () => inviteAs("admin@acme.test", { email: "x@acme.test", targetOrgId: globexOrg }));
    expect(random).toMatchObject({ code: "NOT_FOUND", refusal: "NOT_FOUND", message: "Not found" });
    expect({ code: foreign.code, refusal: foreign.refusal, message: foreign.message }).toEqual({ code: random.code, refusal: random.refusal, message: random.message });

    const boss = await mullerAdmin(db);
    for (const orgName of ["Acme Heating", "Marsh Residence"]) {
      const above = await refusedWithoutChange(db, async () =>
        inviteUser(db, boss, { orgId: boss.org.id, targetOrgId: await orgIdByName(db, orgName), name: "X", email: "x@acme.test", role: "user", locationIds: [] }),
      );
      expect({ code: above.code, refusal: above.refusal, message: above.message }).toEqual({ code: "NOT_FOUND", refusal: "NOT_FOUND", message: "Not found" });
    }
  });

  it("counts one audit row per invitation and none for refusals", async () => {
    await inviteAs("admin@acme.test", { email: "one@acme.test" });
    await refusedWithoutChange(db, () => inviteAs("admin@acme.test", { email: "one@acme.test" }));
    const [row] = await db.select({ n: count() }).from(auditLog).where(and(eq(auditLog.action, "user_invited")));
    expect(row!.n).toBe(1);
  });
});
