import "server-only";
import { and, asc, eq, inArray, isNull, lt, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { signupRequests, tenants, users } from "@/db/schema";
import { inTransaction } from "@/lib/commands/transaction";
import { enqueueEmail } from "@/lib/mail/outbox";
import { signupExistingAccountEmail, signupLinkEmail } from "@/lib/mail/templates";
import { hashToken, newToken } from "@/lib/users/tokens";

const BATCH = 50;
/** A queued request whose step after the answer never ran (its process died) is dropped: a late email would only confuse. */
const QUEUED_TTL_MS = 15 * 60_000;

/**
 * Turns queued sign-ups into emails once their answer has gone out: a link for a free address,
 * a "someone tried to sign up with your address" note for a taken one. Expired requests are
 * purged. Run after each sign-up's answer, by the mail worker and by the dev mailbox; several
 * processes may run it at once (SKIP LOCKED). Returns how many queued requests it took.
 */
export async function prepareSignupRequests(db: Db, now = new Date()): Promise<number> {
  await db.delete(signupRequests).where(lt(signupRequests.expiresAt, now));
  let taken = 0;
  for (;;) {
    const batch = await inTransaction(db, (tx) => prepareBatch(tx, now));
    taken += batch;
    if (batch < BATCH) return taken;
  }
}

async function prepareBatch(tx: Tx, now: Date): Promise<number> {
  const due = await tx
    .select()
    .from(signupRequests)
    .where(isNull(signupRequests.tokenHash))
    .orderBy(asc(signupRequests.createdAt))
    .limit(BATCH)
    .for("update", { skipLocked: true });
  const spent: string[] = [];
  for (const request of due) {
    const [holder] = await tx.select({ name: users.name }).from(users).where(sql`lower(${users.email}) = ${request.email}`).limit(1);
    if (now.getTime() - request.createdAt.getTime() > QUEUED_TTL_MS || holder) {
      spent.push(request.id);
      if (holder) await enqueueEmail(tx, null, signupExistingAccountEmail({ to: request.email, name: holder.name }));
      continue;
    }
    const joining = request.tenantId ? await tenantName(tx, request.tenantId) : null;
    const token = newToken();
    await tx.update(signupRequests).set({ tokenHash: hashToken(token) }).where(eq(signupRequests.id, request.id));
    await enqueueEmail(tx, request.tenantId, signupLinkEmail({ to: request.email, name: request.name, joining, orgName: request.orgName ?? "", token }));
  }
  if (spent.length) await tx.delete(signupRequests).where(and(inArray(signupRequests.id, spent)));
  return due.length;
}

async function tenantName(tx: Tx, tenantId: string): Promise<string> {
  const [row] = await tx.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, tenantId));
  return row?.name ?? "";
}
