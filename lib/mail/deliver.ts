import "server-only";
import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import type { Db } from "@/db/client";
import type { Readable } from "node:stream";
import { outbox } from "@/db/schema";
import { csvStream } from "@/lib/csv/response";
import { env } from "@/lib/env";
import { openAttachment } from "./attachments";
import { prepareSignupRequests } from "@/lib/signup/prepare";
import { prepareResetRequests } from "@/lib/users/commands/account-recovery";

export type MailAttachment = { filename: string; content: Readable; contentType: string };
export type Transport = { sendMail(message: { from: string; to: string; subject: string; text: string; attachments?: MailAttachment[] }): Promise<unknown> };

/** A message's attachment, built now from its spec and streamed into the SMTP conversation, never held whole. */
async function attachmentsOf(db: Db, spec: unknown): Promise<MailAttachment[] | undefined> {
  if (spec === null || spec === undefined) return undefined;
  const file = await openAttachment(db, spec);
  return [{ filename: file.filename, content: csvStream(file.rows, file.columns), contentType: "text/csv; charset=utf-8" }];
}

const BATCH = 20;
/** After this many failures a message is parked as failed; it stays in the outbox (never lost). */
export const MAX_ATTEMPTS = 8;

/** 30 s, 1 min, 2 min … capped at one hour, with jitter so retries do not march in step. */
export function backoffMs(attempts: number): number {
  const base = Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
  return base + Math.floor(Math.random() * base * 0.2);
}

export function smtpTransport(url: string): Transport {
  return nodemailer.createTransport(url);
}

/** A claimed message is left to its deliverer this long before another process may retry it. */
const LEASE_MS = 5 * 60_000;

/**
 * Sends what is due. Messages are claimed in a short transaction (SKIP LOCKED, then a lease on
 * next_attempt_at) and sent outside it, so a slow SMTP server never holds a transaction open
 * and several app processes never send one message twice.
 */
export async function deliverDue(db: Db, transport: Transport, now = new Date()): Promise<{ sent: number; failed: number }> {
  const claimed = await db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(outbox)
      .where(and(eq(outbox.status, "pending"), lte(outbox.nextAttemptAt, now)))
      .orderBy(asc(outbox.nextAttemptAt))
      .limit(BATCH)
      .for("update", { skipLocked: true });
    if (due.length) await tx.update(outbox).set({ nextAttemptAt: new Date(now.getTime() + LEASE_MS) }).where(inArray(outbox.id, due.map((m) => m.id)));
    return due;
  });
  let sent = 0;
  let failed = 0;
  for (const message of claimed) {
    try {
      const attachments = await attachmentsOf(db, message.attachment);
      await transport.sendMail({ from: env.MAIL_FROM, to: message.toAddress, subject: message.subject, text: message.textBody, ...(attachments ? { attachments } : {}) });
      await db.update(outbox).set({ status: "sent", sentAt: now, attempts: sql`${outbox.attempts} + 1`, lastError: null }).where(eq(outbox.id, message.id));
      sent++;
    } catch (error) {
      const attempts = message.attempts + 1;
      await db
        .update(outbox)
        .set({
          attempts,
          status: attempts >= MAX_ATTEMPTS ? "failed" : "pending",
          nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)),
          lastError: (error instanceof Error ? error.message : String(error)).slice(0, 500),
        })
        .where(eq(outbox.id, message.id));
      failed++;
    }
  }
  return { sent, failed };
}

type Holder = { running?: boolean; again?: boolean; timer?: NodeJS.Timeout };
const holder: Holder = ((globalThis as { __roster_mailer?: Holder }).__roster_mailer ??= {});

/** Called after a command commits: deliver now when SMTP is configured; never throws. */
export function kickOutbox(getDb: () => Promise<Db>): void {
  if (!env.SMTP_URL) return;
  if (holder.running) {
    holder.again = true;
    return;
  }
  holder.running = true;
  void (async () => {
    try {
      const transport = smtpTransport(env.SMTP_URL!);
      do {
        holder.again = false;
        const db = await getDb();
        // Reset and sign-up requests whose step after the answer never ran (a crash) become mail here.
        await prepareResetRequests(db);
        await prepareSignupRequests(db);
        await deliverDue(db, transport);
      } while (holder.again);
    } catch (error) {
      console.error(JSON.stringify({ level: "error", msg: "outbox delivery failed", error: error instanceof Error ? error.message : String(error) }));
    } finally {
      holder.running = false;
    }
  })();
  // Retries of failed sends need a clock, not a new command.
  holder.timer ??= setInterval(() => kickOutbox(getDb), 30_000).unref();
}
