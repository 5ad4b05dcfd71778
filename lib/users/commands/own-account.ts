import "server-only";
import type { z } from "zod";
import { assertAllowed } from "@/lib/commands/authorize";
import { and, eq, isNull, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { sessions, users } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { newPasswordSchema } from "@/lib/auth/password-policy";
import { auditBy, type Actor } from "@/lib/commands/actor";
import { inTransaction, lockTenant } from "@/lib/commands/transaction";
import { DomainError, fromPolicy } from "@/lib/errors";
import { enqueueEmail } from "@/lib/mail/outbox";
import { passwordChangedEmail } from "@/lib/mail/templates";
import { checkDeveloperLimit, type UserTarget } from "@/lib/policy";
import { developerModeSchema, ownDetailsSchema, ownPasswordSchema } from "../schemas";

function assertSelf(actor: Actor, action: "self.change_password" | "self.developer_mode" | "self.edit"): void {
  assertAllowed(actor.policy, action, selfTarget(actor));
}

const selfTarget = (actor: Actor): UserTarget => ({
  kind: "user",
  id: actor.viewer.userId,
  tenantId: actor.viewer.tenant.id,
  org: actor.policy.org,
  role: actor.viewer.role,
  pending: false,
  suspended: false,
  developerMode: actor.viewer.developerMode,
});

/** What the action accepts: the form's schema, with the server's own password checks. */
export const changeOwnPasswordSchema = ownPasswordSchema.extend({ newPassword: newPasswordSchema });

/**
 * Changes your own password: the current one is required; every other session ends, this one
 * goes on under a new session id (the returned one: the caller re-issues the cookie), and you
 * get an email (security.md C5, C6, D4). The new session keeps the old one's start, so the
 * absolute timeout (D5) is not reset by a password change.
 */
export async function changeOwnPassword(db: Db, actor: Actor, input: z.output<typeof changeOwnPasswordSchema>): Promise<{ sessionId: string }> {
  assertSelf(actor, "self.change_password");
  const userId = actor.viewer.userId;
  const [row] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId));
  if (!(await verifyPassword(row?.hash ?? null, input.currentPassword))) {
    throw new DomainError("INVALID", "Your current password is not correct.", { field: "currentPassword", refusal: "WRONG_PASSWORD" });
  }
  const passwordHash = await hashPassword(input.newPassword);
  return inTransaction(db, async (tx) => {
    const now = new Date();
    const [current] = await tx
      .select({ createdAt: sessions.createdAt, ip: sessions.ip, userAgent: sessions.userAgent })
      .from(sessions)
      .where(and(eq(sessions.id, actor.viewer.sessionId), eq(sessions.userId, userId), isNull(sessions.revokedAt)))
      .for("update");
    // Ended since this request began (logged out elsewhere): no password change on a dead session.
    if (!current) throw new DomainError("UNAUTHENTICATED", "Your session has ended. Log in again.");
    await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
    await tx.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
    const [renewed] = await tx
      .insert(sessions)
      .values({ tenantId: actor.viewer.tenant.id, userId, createdAt: current.createdAt, lastSeenAt: now, ip: current.ip, userAgent: current.userAgent })
      .returning({ id: sessions.id });
    await enqueueEmail(tx, actor.viewer.tenant.id, passwordChangedEmail({ to: actor.viewer.email, name: actor.viewer.name, byAdmin: null }));
    await writeAudit(tx, { ...auditBy(actor), orgId: actor.viewer.org.id, action: "user_password_changed", targetType: "user", targetId: userId, targetLabel: actor.viewer.email });
    return { sessionId: renewed!.id };
  });
}

/**
 * Developer mode for yourself: Admins only; on free and plus one developer per tenant, and the
 * refusal names the holder. The tenant row lock makes concurrent attempts yield one (security.md I2).
 */
export async function setDeveloperMode(db: Db, actor: Actor, input: z.output<typeof developerModeSchema>): Promise<void> {
  assertSelf(actor, "self.developer_mode");
  const tenantId = actor.viewer.tenant.id;
  await inTransaction(db, async (tx) => {
    const limits = await lockTenant(tx, tenantId);
    const [me] = await tx.select({ developerMode: users.developerMode, role: users.role }).from(users).where(eq(users.id, actor.viewer.userId));
    if (!me || me.developerMode === input.enabled) return;
    if (input.enabled) {
      const [holder] = await tx
        .select({ name: users.name })
        .from(users)
        .where(and(eq(users.tenantId, tenantId), eq(users.developerMode, true), ne(users.id, actor.viewer.userId)))
        .limit(1);
      const check = checkDeveloperLimit({ plan: limits, currentDeveloperName: holder?.name ?? null, viewerIsHolder: false });
      if (!check.ok) throw fromPolicy(check);
    }
    await tx.update(users).set({ developerMode: input.enabled }).where(eq(users.id, actor.viewer.userId));
    await writeAudit(tx, {
      ...auditBy(actor),
      orgId: actor.viewer.org.id,
      action: input.enabled ? "developer_mode_on" : "developer_mode_off",
      targetType: "user",
      targetId: actor.viewer.userId,
      targetLabel: actor.viewer.email,
      before: { developerMode: !input.enabled },
      after: { developerMode: input.enabled },
    });
  });
}

/** Your own name and phone (the email never changes). */
export async function updateOwnDetails(db: Db, actor: Actor, input: z.output<typeof ownDetailsSchema>): Promise<void> {
  assertSelf(actor, "self.edit");
  await inTransaction(db, async (tx) => {
    const [before] = await tx.select({ name: users.name, phone: users.phone }).from(users).where(eq(users.id, actor.viewer.userId));
    await tx.update(users).set({ name: input.name, phone: input.phone ?? null }).where(eq(users.id, actor.viewer.userId));
    await writeAudit(tx, { ...auditBy(actor), orgId: actor.viewer.org.id, action: "user_updated", targetType: "user", targetId: actor.viewer.userId, targetLabel: actor.viewer.email, before, after: { name: input.name, phone: input.phone ?? null } });
  });
}
