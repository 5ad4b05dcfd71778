import "server-only";
import { desc } from "drizzle-orm";
import type { Db } from "@/db/client";
import { outbox } from "@/db/schema";
import { env } from "@/lib/env";

/**
 * The mailbox shows every tenant's mail, links included: only where no real mail goes out and
 * never in production unless asked for explicitly (DEV_MAILBOX=1, used by the e2e suite).
 */
export function mailboxEnabled(): boolean {
  if (env.SMTP_URL) return false;
  return env.NODE_ENV !== "production" || env.DEV_MAILBOX === "1";
}

export async function latestMail(db: Db, limit = 100) {
  return db
    .select({
      id: outbox.id,
      to: outbox.toAddress,
      subject: outbox.subject,
      text: outbox.textBody,
      kind: outbox.kind,
      status: outbox.status,
      createdAt: outbox.createdAt,
      attachment: outbox.attachment,
    })
    .from(outbox)
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(limit);
}
