import "server-only";
import { and, eq, gt, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db, Executor, Tx } from "@/db/client";
import { roles, sessions, signupRequests, users, type SignupRequest } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write";
import { addressBucket, hit, isBlocked } from "@/lib/auth/throttle";
import { inTransaction, pgCode } from "@/lib/commands/transaction";
import { env, signupOpen } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { checkUserLimit } from "@/lib/policy";
import { createTenantWithAdmin } from "@/lib/tenants/create";
import { ALREADY_REGISTERED, usersInTenant } from "@/lib/users/commands/invite";
import { TOKEN_RULES, TOO_MANY } from "@/lib/users/commands/account-recovery";
import { LINK_EXPIRED } from "@/lib/users/link-messages";
import { hashToken } from "@/lib/users/tokens";
import { domainAllowed, joinableTenant, outsideDomains } from "../joinable";
import { JOIN_UNAVAILABLE, NO_ROOM, SIGNUP_CLOSED } from "../messages";
import type { signupTokenSchema } from "../schemas";

type Meta = { ip: string; userAgent?: string | null; now?: Date };
export type FinishedSignup = { orgId: string; claims: { sid: string; uid: string; sv: number } };

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** What a sign-up link would do, for its page: null for unknown, used and expired links alike. */
export async function peekSignupLink(db: Executor, token: string, now = new Date()): Promise<{ joining: boolean; orgName: string; email: string; registered: boolean } | null> {
  const request = await liveRequest(db, token, now);
  if (!request) return null;
  const joining = request.tenantId ? await joinableTenant(db, { id: request.tenantId }) : null;
  if (request.tenantId && !joining) return null;
  const [holder] = await db.select({ one: sql<number>`1` }).from(users).where(sql`lower(${users.email}) = ${request.email}`).limit(1);
  return { joining: !!joining, orgName: joining?.name ?? request.orgName ?? "", email: request.email, registered: !!holder };
}

async function liveRequest(db: Executor, token: string, now: Date): Promise<SignupRequest | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const [row] = await db
    .select()
    .from(signupRequests)
    .where(and(eq(signupRequests.tokenHash, hashToken(token)), gt(signupRequests.expiresAt, now)))
    .limit(1);
  return row ?? null;
}

/**
 * Finishes a sign-up from its emailed link, in one transaction: the link is used up, then either
 * a new tenant with the person as its Admin (developer mode on) or the person in a business
 * tenant's root org with its join role; a session is opened for them. An address that got an
 * account meanwhile creates nothing.
 */
export async function finishSignup(db: Db, input: z.output<typeof signupTokenSchema>, meta: Meta): Promise<FinishedSignup> {
  const now = meta.now ?? new Date();
  const ipKey = `token:ip:${addressBucket(meta.ip)}`;
  if (await isBlocked(db, ipKey, now)) throw new DomainError("LIMIT", TOO_MANY, { refusal: "THROTTLED" });
  const finished = await inTransaction(db, async (tx) => {
    const request = await useRequest(tx, input.token, now);
    if (!request) return null;
    const person = request.tenantId ? await joinTenant(tx, request, request.tenantId, now) : await createTenant(tx, request, now);
    const [session] = await tx
      .insert(sessions)
      .values({ tenantId: person.tenantId, userId: person.userId, createdAt: now, lastSeenAt: now, ip: meta.ip, userAgent: meta.userAgent?.slice(0, 300) ?? null })
      .returning({ id: sessions.id });
    await writeAudit(tx, { tenantId: person.tenantId, orgId: person.orgId, action: "authn_login_success", actorId: person.userId, actorEmail: request.email, targetType: "session", targetId: session!.id, ip: meta.ip });
    return { orgId: person.orgId, claims: { sid: session!.id, uid: person.userId, sv: 1 } };
  });
  if (!finished) {
    await hit(db, ipKey, TOKEN_RULES.wrongTokenPerIp, now);
    throw new DomainError("INVALID", LINK_EXPIRED, { refusal: "LINK_EXPIRED" });
  }
  return finished;
}

/** Deletes the link's request in one statement, so two parallel uses cannot both win. */
async function useRequest(tx: Tx, token: string, now: Date): Promise<SignupRequest | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const [row] = await tx
    .delete(signupRequests)
    .where(and(eq(signupRequests.tokenHash, hashToken(token)), gt(signupRequests.expiresAt, now)))
    .returning();
  return row ?? null;
}

type Person = { tenantId: string; orgId: string; userId: string };

async function createTenant(tx: Tx, request: SignupRequest, now: Date): Promise<Person> {
  // The operator may have closed sign-up since the link was sent.
  if (!signupOpen()) throw new DomainError("FORBIDDEN", SIGNUP_CLOSED, { refusal: "SIGNUP_CLOSED" });
  const orgName = request.orgName ?? "";
  const created = await createTenantWithAdmin(tx, { name: orgName, plan: env.SIGNUP_PLAN, admin: { email: request.email, name: request.name, passwordHash: request.passwordHash }, now });
  await writeAudit(tx, {
    tenantId: created.tenantId,
    orgId: created.root.id,
    actorId: created.adminId,
    actorEmail: request.email,
    action: "tenant_signed_up",
    targetType: "organization",
    targetId: created.root.id,
    targetLabel: orgName,
    after: { organization: orgName, plan: env.SIGNUP_PLAN, admin: request.email },
    ip: request.ip,
  });
  return { tenantId: created.tenantId, orgId: created.root.id, userId: created.adminId };
}

async function joinTenant(tx: Tx, request: SignupRequest, tenantId: string, now: Date): Promise<Person> {
  // Locked: joins and invitations racing for the plan's last seats are taken one at a time.
  const tenant = await joinableTenant(tx, { id: tenantId }, { lock: true });
  if (!tenant) throw new DomainError("NOT_FOUND", JOIN_UNAVAILABLE, { refusal: "JOIN_UNAVAILABLE" });
  if (!domainAllowed(request.email, tenant.domains)) throw outsideDomains(tenant.domains);
  const seats = checkUserLimit({ plan: tenant.limits, usersInTenant: await usersInTenant(tx, tenantId), adding: 1 });
  // The reason names the plan's figures, which are the tenant's business, not a stranger's.
  if (!seats.ok) throw new DomainError("LIMIT", NO_ROOM, { refusal: seats.refusal });
  // The join role may have been deleted since it was chosen: the User role holds no permission.
  const [role] = await tx.select({ key: roles.key }).from(roles).where(and(eq(roles.tenantId, tenantId), eq(roles.key, tenant.role))).limit(1);
  const [user] = await tx
    .insert(users)
    .values({
      tenantId,
      orgId: tenantId,
      email: request.email,
      name: request.name,
      role: role?.key ?? "user",
      passwordHash: request.passwordHash,
      registeredAt: now,
      acceptedAt: now,
      lastLoginAt: now,
    })
    .returning({ id: users.id })
    .catch((error: unknown) => {
      if (pgCode(error) === "23505") throw new DomainError("CONFLICT", ALREADY_REGISTERED, { field: "email", refusal: "EMAIL_TAKEN" });
      throw error;
    });
  await writeAudit(tx, {
    tenantId,
    orgId: tenantId,
    actorId: user!.id,
    actorEmail: request.email,
    action: "user_joined",
    targetType: "user",
    targetId: user!.id,
    targetLabel: request.email,
    after: { name: request.name, email: request.email, role: role?.key ?? "user", org: tenant.name },
    ip: request.ip,
  });
  return { tenantId, orgId: tenantId, userId: user!.id };
}
