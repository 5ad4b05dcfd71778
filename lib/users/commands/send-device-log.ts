import "server-only";
import type { z } from "zod";
import { and, count, eq, gt, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { auditLog, users } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write";
import { auditBy, type Actor } from "@/lib/commands/actor";
import { inTransaction } from "@/lib/commands/transaction";
import type { DeviceLogSpec } from "@/lib/devices/device-log";
import { DomainError, notFound } from "@/lib/errors";
import { enqueueEmail } from "@/lib/mail/outbox";
import { deviceLogEmail } from "@/lib/mail/templates";
import { authorize } from "@/lib/policy";
import type { sendDeviceLogSchema } from "../schemas";
import { loadUsersInView, toUserTarget } from "../targets";
import { assertMayActOnUsers } from "./run-on-users";

/** Per sender and rolling hour: each log is a mail with a file, built from up to 90 days of entries. */
export const DEVICE_LOGS_PER_HOUR = 10;

/**
 * The sender's logs in the last hour, read from their own audit rows (audit_log_actor_idx) after
 * their user row is locked: a concurrent request waits for this one to commit, then counts its
 * row, so no burst gets past the limit. A no-key lock, so it never waits on devices or sessions
 * that merely reference the user.
 */
async function assertUnderRateLimit(tx: Tx, actor: Actor): Promise<void> {
  const [me] = await tx.select({ id: users.id }).from(users).where(eq(users.id, actor.viewer.userId)).for("no key update");
  if (!me) throw notFound();
  const [sent] = await tx
    .select({ n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.actorId, actor.viewer.userId), eq(auditLog.action, "device_log_sent"), gt(auditLog.createdAt, sql`now() - interval '1 hour'`)));
  if ((sent?.n ?? 0) >= DEVICE_LOGS_PER_HOUR) {
    throw new DomainError("LIMIT", `You have sent ${DEVICE_LOGS_PER_HOUR} device logs in the last hour, the most allowed. Try again later.`, { refusal: "DEVICE_LOG_RATE" });
  }
}

/**
 * Emails the acting person (never the target) the actions log of the target's devices over the
 * last 7, 30 or 90 days. Here only the request is queued — an outbox row whose attachment spec
 * names sender, target and period — and audited on the target; the file is built when the mail
 * is delivered (lib/mail/attachments.ts). A users command (lib/users, not lib/devices): its
 * target is a person, chosen from the users table, scoped and refused as every user action is.
 */
export async function sendDeviceLog(db: Db, actor: Actor, input: z.output<typeof sendDeviceLogSchema>, now = new Date()): Promise<{ to: string }> {
  assertMayActOnUsers(actor, "users.send_device_log");
  return inTransaction(db, async (tx) => {
    // Read, not locked: nothing of the target changes, and one lock (the sender's) cannot deadlock.
    const [target] = await loadUsersInView(tx, actor, [input.userId]);
    if (!target) throw notFound();
    const decision = authorize(actor.policy, "users.send_device_log", toUserTarget(target));
    if (!decision.ok) throw decision.code === "NOT_FOUND" ? notFound() : new DomainError(decision.code, decision.reason, { refusal: decision.refusal });
    await assertUnderRateLimit(tx, actor);

    const spec: DeviceLogSpec = {
      kind: "device_log",
      tenantId: actor.viewer.tenant.id,
      orgId: actor.org.id,
      actorId: actor.viewer.userId,
      targetUserId: target.id,
      days: input.days,
      since: new Date(now.getTime() - input.days * 86_400_000).toISOString(),
      until: now.toISOString(),
    };
    const to = actor.viewer.email;
    await enqueueEmail(tx, spec.tenantId, deviceLogEmail({ to, name: actor.viewer.name, userName: target.name, userEmail: target.email, days: input.days, attachment: spec }));
    await writeAudit(tx, {
      ...auditBy(actor),
      orgId: target.org.id,
      action: "device_log_sent",
      targetType: "user",
      targetId: target.id,
      targetLabel: target.email,
      after: { days: input.days, since: spec.since, until: spec.until, to },
    });
    return { to };
  });
}
