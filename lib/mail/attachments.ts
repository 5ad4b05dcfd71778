import "server-only";
import type { Db } from "@/db/client";
import { deviceLogSpecSchema, openDeviceLog } from "@/lib/devices/device-log";

/** A CSV built when it is needed: the header, then rows read page by page. */
export type CsvFile = { filename: string; columns: string[]; rows: AsyncGenerator<string[]> };

/** The file's name, known from the spec alone (the dev mailbox links it without building it). */
export function attachmentName(spec: unknown): string | null {
  const parsed = deviceLogSpecSchema.safeParse(spec);
  return parsed.success ? `device-log-${parsed.data.days}-days-${parsed.data.until.slice(0, 10)}.csv` : null;
}

/**
 * The file an outbox row's attachment spec (outbox.attachment) describes, as it is now. A spec
 * this code cannot read throws: the mail is retried and finally parked, never sent without it.
 */
export async function openAttachment(db: Db, spec: unknown): Promise<CsvFile> {
  const parsed = deviceLogSpecSchema.safeParse(spec);
  if (!parsed.success) throw new Error("unknown attachment");
  const { columns, rows } = await openDeviceLog(db, parsed.data);
  return { filename: attachmentName(parsed.data)!, columns, rows };
}
