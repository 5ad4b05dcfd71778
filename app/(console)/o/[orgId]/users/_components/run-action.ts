"use client";

import { toast } from "sonner";
import type { ActionResult } from "@/lib/action-result";
import { bulkMessage, changedNothing, type BulkResult, type NamedRow, type Outcome } from "@/lib/commands/bulk";

/** What each user action's toast says was done (lib/commands/bulk.ts turns it into a sentence). */
export const OUTCOMES = {
  logout: { verb: "logged out" },
  suspend: { verb: "suspended" },
  reactivate: { verb: "reactivated" },
  resend: { verb: "resent", invitations: true },
  revoke: { verb: "revoked", invitations: true },
  delete: { verb: "deleted" },
} satisfies Record<string, Outcome>;

/** Shows the outcome of an action as a toast; returns whether it succeeded. */
function report<T>(result: ActionResult<T>, success: string | ((data: T) => string)): boolean {
  if (!result.ok) {
    toast.error(result.message);
    return false;
  }
  const message = typeof success === "function" ? success(result.data) : success;
  toast.success(message);
  return true;
}

/**
 * A bulk action's outcome: "Sam Stone suspended" or "12 deleted, 1 skipped: …" as a success
 * (`known`: the rows on screen, to name a single one), or as a warning when every row was
 * refused — then it did not succeed, so dialogs stay open and pages stay put.
 */
export function reportBulk(result: ActionResult<BulkResult>, outcome: Outcome, known: readonly NamedRow[] = []): boolean {
  if (result.ok && changedNothing(result.data)) {
    toast.warning(bulkMessage(result.data, outcome, known));
    return false;
  }
  return report(result, (data) => bulkMessage(data, outcome, known));
}
