import "server-only";
import type { Executor } from "@/db/client";
import { outbox } from "@/db/schema";
import type { Email } from "./templates";

/**
 * Queues an email in the caller's transaction: it exists exactly when the change it reports
 * committed, and delivery (lib/mail/deliver.ts) happens after commit.
 */
export async function enqueueEmail(db: Executor, tenantId: string | null, email: Email): Promise<void> {
  await db.insert(outbox).values({
    tenantId,
    kind: email.kind,
    toAddress: email.to,
    subject: email.subject,
    textBody: email.text,
    attachment: email.attachment ?? null,
  });
}
