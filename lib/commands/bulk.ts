import { z } from "zod";

/** Most ids one request may name (security.md B5). */
const BULK_MAX = 1000;

/** 1–1000 uuids, duplicates dropped. */
export const idListSchema = z
  .array(z.uuid())
  .min(1, "Select at least one user.")
  .max(BULK_MAX, `At most ${BULK_MAX} at once.`)
  .transform((ids) => [...new Set(ids.map((id) => id.toLowerCase()))]);

import type { ErrorCode } from "@/lib/errors";
import type { Refusal } from "@/lib/policy";

export type Skipped = { id: string; name: string; reason: string; code: ErrorCode; refusal: Refusal };
/** What a bulk command did: which rows changed and, for each refused row, why. */
export type BulkResult = { done: string[]; skipped: Skipped[] };

/** Toast wording for a bulk result: "12 deleted, 1 skipped: last Admin of Boilers Ltd". */
export function bulkMessage(result: BulkResult, verb: string): string {
  const head = `${result.done.length} ${verb}`;
  if (result.skipped.length === 0) return head;
  const reasons = [...new Set(result.skipped.map((s) => s.reason))].slice(0, 2).join("; ");
  return `${head}, ${result.skipped.length} skipped: ${reasons}`;
}

/** Every row was refused: nothing happened, which the UI must not present as a success. */
export const changedNothing = (result: BulkResult): boolean => result.done.length === 0 && result.skipped.length > 0;
