// GET /dev/mailbox/[id]/attachment — the attachment of a mail in the dev mailbox, built now as
// delivery would build it. Under the mailbox page's guard: no SMTP configured, not production
// unless DEV_MAILBOX=1; anything else, or a mail without an attachment, is a 404.
import { and, eq, isNotNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { outbox } from "@/db/schema";
import { csvResponse } from "@/lib/csv/response";
import { openAttachment } from "@/lib/mail/attachments";
import { mailboxEnabled } from "@/lib/mail/mailbox";
import { isUuid } from "@/lib/sql/uuid";

export const dynamic = "force-dynamic";

const notFound = () => new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  if (!mailboxEnabled()) return notFound();
  const { id } = await params;
  if (!isUuid(id)) return notFound();
  const db = await getDb();
  const [mail] = await db.select({ attachment: outbox.attachment }).from(outbox).where(and(eq(outbox.id, id), isNotNull(outbox.attachment)));
  if (!mail) return notFound();
  const file = await openAttachment(db, mail.attachment);
  return csvResponse(file.rows, { columns: file.columns, filename: file.filename });
}
