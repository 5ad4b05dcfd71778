import { z } from "zod";

/** Most ids one request may name (security.md B5). */
const BULK_MAX = 1000;

/** 1–1000 uuids of `noun`s (users, devices), duplicates dropped. */
export const idList = (noun: string) =>
  z
    .array(z.uuid())
    .min(1, `Select at least one ${noun}.`)
    .max(BULK_MAX, `At most ${BULK_MAX} at once.`)
    .transform((ids) => [...new Set(ids.map((id) => id.toLowerCase()))]);

export const idListSchema = idList("user");

import type { ErrorCode } from "@/lib/errors";
import type { Refusal } from "@/lib/policy";

export type Skipped = { id: string; name: string; reason: string; code: ErrorCode; refusal: Refusal };
/** What a bulk command did: which rows changed and, for each refused row, why. */
export type BulkResult = { done: string[]; skipped: Skipped[] };

/** What a result's toast says was done: the verb, and whether the rows are invitations rather than people. */
export type Outcome = { verb: string; invitations?: boolean };
/** A row the caller can name, so a result about that one row names it back. */
export type NamedRow = { id: string; name: string; email: string };

/**
 * Toast wording for a bulk result. A result about one row the caller knows reads as one:
 * "Sam Stone suspended", "Invitation to x@y revoked", "Sam Stone not suspended: Last Admin of
 * Boilers Ltd". Anything else is counted: "12 deleted, 1 skipped: Last Admin of Boilers Ltd".
 */
export function bulkMessage(result: BulkResult, { verb, invitations = false }: Outcome, known: readonly NamedRow[] = []): string {
  const reasons = [...new Set(result.skipped.map((s) => s.reason))].slice(0, 2).join("; ");
  const ids = [...result.done, ...result.skipped.map((s) => s.id)];
  const one = ids.length === 1 ? known.find((row) => row.id === ids[0]) : undefined;
  if (one) {
    const subject = invitations ? `Invitation to ${one.email}` : one.name;
    return result.done.length === 1 ? `${subject} ${verb}` : `${subject} not ${verb}: ${reasons}`;
  }
  const n = result.done.length;
  const head = invitations ? `${n} ${n === 1 ? "invitation" : "invitations"} ${verb}` : `${n} ${verb}`;
  return result.skipped.length === 0 ? head : `${head}, ${result.skipped.length} skipped: ${reasons}`;
}

/** Every row was refused: nothing happened, which the UI must not present as a success. */
export const changedNothing = (result: BulkResult): boolean => result.done.length === 0 && result.skipped.length > 0;
