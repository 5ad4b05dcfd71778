"use client";

import { toast } from "sonner";
import type { ActionResult } from "@/lib/action-result";
import { bulkMessage, changedNothing, type BulkResult } from "@/lib/commands/bulk";

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
 * A bulk action's outcome: "12 deleted, 1 skipped: …" as a success, or as a warning when every
 * row was refused — then it did not succeed, so dialogs stay open and pages stay put.
 */
export function reportBulk(result: ActionResult<BulkResult>, verb: string): boolean {
  if (result.ok && changedNothing(result.data)) {
    toast.warning(bulkMessage(result.data, verb));
    return false;
  }
  return report(result, (data) => bulkMessage(data, verb));
}
