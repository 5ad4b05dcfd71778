import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { sessions, users } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write";
import { emailSchema } from "@/lib/users/email";
import { hashPassword, needsRehash, PASSWORD_MAX, verifyPassword } from "./password";
import { clearLoginFailures, isLoginBlocked, recordLoginFailure } from "./throttle";

export type LoginAttempt = { email: unknown; password: unknown; ip: string; userAgent: string | null; now?: Date };
export type LoginSuccess = { userId: string; sessionId: string; sessionVersion: number };

/**
 * Checks credentials and opens a session. Every failure — unknown email, wrong password,
 * pending or suspended user, throttled — returns the same null (security.md C3); the
 * throttle is consulted before any hash runs (H1).
 */
export async function logIn(db: Db, attempt: LoginAttempt): Promise<LoginSuccess | null> {
  const now = attempt.now ?? new Date();
  const email = emailSchema.safeParse(attempt.email);
  const password = typeof attempt.password === "string" && attempt.password.length <= PASSWORD_MAX ? attempt.password : null;
  if (!email.success || password === null) return null;

  if (await isLoginBlocked(db, email.data, attempt.ip, now)) {
    await writeAudit(db, { tenantId: null, action: "authn_login_fail_throttled", actorEmail: email.data, ip: attempt.ip });
    return null;
  }

  const [user] = await db.select().from(users).where(sql`lower(${users.email}) = ${email.data}`).limit(1);
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !passwordOk || user.suspendedAt !== null || user.acceptedAt === null) {
    await recordLoginFailure(db, email.data, attempt.ip, now);
    await writeAudit(db, { tenantId: user?.tenantId ?? null, orgId: user?.orgId, action: "authn_login_fail", actorId: user?.id, actorEmail: email.data, ip: attempt.ip });
    return null;
  }

  await clearLoginFailures(db, email.data, attempt.ip);
  const rehashed = needsRehash(user.passwordHash!) ? await hashPassword(password) : null;
  return db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ lastLoginAt: now, ...(rehashed ? { passwordHash: rehashed } : {}) })
      .where(eq(users.id, user.id));
    // A fresh session id on every login (no fixation, security.md D3).
    const [session] = await tx
      .insert(sessions)
      .values({ tenantId: user.tenantId, userId: user.id, createdAt: now, lastSeenAt: now, ip: attempt.ip, userAgent: attempt.userAgent?.slice(0, 300) ?? null })
      .returning({ id: sessions.id });
    await writeAudit(tx, { tenantId: user.tenantId, orgId: user.orgId, action: "authn_login_success", actorId: user.id, actorEmail: user.email, targetType: "session", targetId: session!.id, ip: attempt.ip });
    return { userId: user.id, sessionId: session!.id, sessionVersion: user.sessionVersion };
  });
}
