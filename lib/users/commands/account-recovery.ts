import "server-only";
import type { z } from "zod";
import { and, asc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { organizations, resetRequests, users } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write";
import { hashPassword } from "@/lib/auth/password";
import { newPasswordSchema } from "@/lib/auth/password-policy";
import { addressBucket, emailKey, hit, isBlocked, type ThrottleRule } from "@/lib/auth/throttle";
import { inTransaction } from "@/lib/commands/transaction";
import { DomainError } from "@/lib/errors";
import { enqueueEmail } from "@/lib/mail/outbox";
import { passwordChangedEmail, passwordResetEmail } from "@/lib/mail/templates";
import { LINK_EXPIRED } from "../link-messages";
import { acceptTokenSchema, forgotPasswordSchema } from "../schemas";
import { consumeToken, issueToken, tokenExpiresAt, type TokenKind } from "../tokens";
import { endSessions } from "./sessions";
import { isActiveUser } from "../active";
import { tenantIsLive } from "@/lib/tenants/live";

type Meta = { ip: string; now?: Date };

const MINUTE = 60_000;
// security.md E7 and H2 (our proposals). `hit` reports "blocked" on the limit-th hit: after 10
// wrong tokens the 11th is refused; 3 reset emails per address and 20 per IP an hour get sent.
export const TOKEN_RULES = {
  wrongTokenPerIp: { limit: 10, windowMs: MINUTE, blockMs: MINUTE },
  resetPerEmail: { limit: 4, windowMs: 60 * MINUTE, blockMs: 60 * MINUTE },
  resetPerIp: { limit: 21, windowMs: 60 * MINUTE, blockMs: 60 * MINUTE },
} satisfies Record<string, ThrottleRule>;

export { LINK_EXPIRED };
export const TOO_MANY = "Too many attempts from your network. Wait a minute and try again.";

/** What the token pages send: the token and a password the server's policy accepts. */
export const tokenPasswordSchema = acceptTokenSchema.extend({ password: newPasswordSchema });
type TokenPassword = z.output<typeof tokenPasswordSchema>;

/** Uses a token to set a password; the hash is computed before the transaction so it stays short. */
async function setPasswordWithToken(db: Db, input: TokenPassword, kind: TokenKind, meta: Meta) {
  const now = meta.now ?? new Date();
  const ipKey = `token:ip:${addressBucket(meta.ip)}`;
  if (await isBlocked(db, ipKey, now)) throw new DomainError("LIMIT", TOO_MANY, { refusal: "THROTTLED" });
  const passwordHash = await hashPassword(input.password);
  const result = await inTransaction(db, async (tx) => {
    const owner = await consumeToken(tx, input.token, kind, now);
    if (!owner) return null;
    const [user] = await tx
      .update(users)
      .set({ passwordHash, ...(kind === "invitation" ? { acceptedAt: now, lastLoginAt: now } : {}) })
      .where(and(eq(users.id, owner.userId), kind === "invitation" ? isNull(users.acceptedAt) : isNotNull(users.acceptedAt)))
      .returning({ id: users.id, email: users.email, name: users.name, tenantId: users.tenantId, orgId: users.orgId });
    if (!user) return null;
    if (kind === "password_reset") {
      await endSessions(tx, [user.id], now);
      await enqueueEmail(tx, user.tenantId, passwordChangedEmail({ to: user.email, name: user.name, byAdmin: null }));
    }
    await writeAudit(tx, {
      tenantId: user.tenantId,
      orgId: user.orgId,
      actorId: user.id,
      actorEmail: user.email,
      action: kind === "invitation" ? "user_invitation_accepted" : "user_password_reset",
      targetType: "user",
      targetId: user.id,
      targetLabel: user.email,
      ip: meta.ip,
    });
    return user;
  });
  if (!result) {
    await hit(db, ipKey, TOKEN_RULES.wrongTokenPerIp, now);
    throw new DomainError("INVALID", LINK_EXPIRED, { refusal: "LINK_EXPIRED" });
  }
  return result;
}

/** Sets the invited user's first password; the caller then logs them in. */
export async function acceptInvitation(db: Db, input: TokenPassword, meta: Meta): Promise<{ email: string }> {
  const user = await setPasswordWithToken(db, input, "invitation", meta);
  return { email: user.email };
}

/** Sets a new password from a reset link; every session ends and the user logs in again. */
export async function resetPassword(db: Db, input: TokenPassword, meta: Meta): Promise<void> {
  await setPasswordWithToken(db, input, "password_reset", meta);
}

/**
 * "Forgot password": the answer and the work done before it are the same for every address
 * (security.md E3) — the limits are counted and the request is queued. Whether the address has
 * an account is only looked up after the answer has gone, by prepareResetRequests. Over the
 * limits nothing is queued, so nothing is sent.
 */
export async function requestPasswordReset(db: Db, input: z.output<typeof forgotPasswordSchema>, meta: Meta): Promise<void> {
  const now = meta.now ?? new Date();
  const overEmail = (await hit(db, `reset:email:${emailKey(input.email)}`, TOKEN_RULES.resetPerEmail, now)).blocked;
  const overIp = (await hit(db, `reset:ip:${addressBucket(meta.ip)}`, TOKEN_RULES.resetPerIp, now)).blocked;
  if (overEmail || overIp) return;
  await db.insert(resetRequests).values({ email: input.email, ip: meta.ip, createdAt: now });
}

/** A request not handled by then (its process died before the step after the answer) is dropped: a late link would only confuse. */
export const RESET_REQUEST_TTL_MS = 15 * MINUTE;

/**
 * Turns queued reset requests into reset emails for active accounts of tenants that are not
 * suspended, and drops the others
 * without a trace. Run after a request's answer has gone out, by the mail worker and by the dev
 * mailbox; several processes may run it at once (SKIP LOCKED). Returns how many requests it took.
 */
export async function prepareResetRequests(db: Db, now = new Date()): Promise<number> {
  let taken = 0;
  for (;;) {
    const batch = await prepareBatch(db, now);
    taken += batch;
    if (batch < RESET_BATCH) return taken;
  }
}

const RESET_BATCH = 50;

/** One transaction's worth of requests: claimed, turned into mail or dropped, deleted. */
async function prepareBatch(db: Db, now: Date): Promise<number> {
  return inTransaction(db, async (tx) => {
    const due = await tx.select().from(resetRequests).orderBy(asc(resetRequests.createdAt)).limit(RESET_BATCH).for("update", { skipLocked: true });
    for (const request of due) {
      if (now.getTime() - request.createdAt.getTime() > RESET_REQUEST_TTL_MS) continue;
      const [user] = await tx
        .select({ id: users.id, name: users.name, email: users.email, tenantId: users.tenantId, orgId: users.orgId, timeZone: organizations.timezone })
        .from(users)
        .innerJoin(organizations, eq(organizations.id, users.orgId))
        .where(and(sql`lower(${users.email}) = ${request.email}`, isActiveUser(), tenantIsLive(users.tenantId)))
        .limit(1);
      if (!user) continue;
      const token = await issueToken(tx, { tenantId: user.tenantId, userId: user.id, kind: "password_reset", now });
      await enqueueEmail(tx, user.tenantId, passwordResetEmail({ to: user.email, name: user.name, token, expires: { at: tokenExpiresAt("password_reset", now), timeZone: user.timeZone } }));
      await writeAudit(tx, { tenantId: user.tenantId, orgId: user.orgId, actorEmail: user.email, action: "user_password_reset_requested", targetType: "user", targetId: user.id, targetLabel: user.email, ip: request.ip });
    }
    if (due.length) await tx.delete(resetRequests).where(inArray(resetRequests.id, due.map((r) => r.id)));
    return due.length;
  });
}
