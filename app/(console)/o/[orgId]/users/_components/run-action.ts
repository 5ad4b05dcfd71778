"use client";

import { toast } from "sonner";
import type { ActionResult } from "@/lib/action-result";
import type { BulkResult } from "@/lib/commands/bulk";

/** Toast wording for a bulk result: "12 deleted, 1 skipped: last Admin of Boilers Ltd". */
export function bulkMessage(result: BulkResult, verb: string): string {
  const head = `${result.done.length} ${verb}`;
  if (result.skipped.length === 0) return head;
  const reasons = [...new Set(result.skipped.map((s) => s.reason))].slice(0, 2).join("; ");
  return `${head}, ${result.skipped.length} skipped: ${reasons}`;
}

/** Shows the outcome of an action as a toast; returns whether it succeeded. */
export function report<T>(result: ActionResult<T>, success: string | ((data: T) => string)): boolean {
  if (!result.ok) {
    toast.error(result.message);
    return false;
  }
  const message = typeof success === "function" ? success(result.data) : success;
  toast.success(message);
  return true;
}
