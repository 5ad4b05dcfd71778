"use client";

import type { ActionResult } from "@/lib/action-result";
import type { BulkResult, Outcome } from "@/lib/commands/bulk";
import type { RowAction } from "@/lib/users/page-data";
import type { UserTableRow } from "@/lib/users/view-model";
import { forceLogoutAction, reactivateUsersAction, resendInvitationsAction } from "../actions";
import type { RowMenuHandlers } from "./row-menu";
import { OUTCOMES, reportBulk } from "./run-action";

/** The row actions that ask first, in a dialog. */
export type RowDialog = { kind: "edit" | "password" | "transfer" | "device_log" | "delete" | "suspend" | "revoke" | "tag" | "untag"; row: UserTableRow };

type Run = { action: (input: { orgId: string; userIds: string[] }) => Promise<ActionResult<BulkResult>>; outcome: Outcome };

// Force logout stays immediate (product.md §5); so do the harmless reactivate and resend.
const RUNS: Record<"users.force_logout" | "users.reactivate" | "users.resend_invitation", Run> = {
  "users.force_logout": { action: forceLogoutAction, outcome: OUTCOMES.logout },
  "users.reactivate": { action: reactivateUsersAction, outcome: OUTCOMES.reactivate },
  "users.resend_invitation": { action: resendInvitationsAction, outcome: OUTCOMES.resend },
};

type Options = {
  orgId: string;
  open: (dialog: RowDialog) => void;
  /** After an action changed something: the table clears its selection. */
  onChanged?: (action: RowAction) => void;
};

/**
 * What each entry of a user's ⋯ menu does, for the users table and the user's profile alike:
 * a dialog for the actions that ask first, else the server action and its toast.
 */
export function useUserRowActions({ orgId, open, onChanged }: Options): RowMenuHandlers {
  const run = (key: keyof typeof RUNS) => async (row: UserTableRow) => {
    const { action, outcome } = RUNS[key];
    if (reportBulk(await action({ orgId, userIds: [row.id] }), outcome, [row])) onChanged?.(key);
  };
  return {
    "users.edit": (row) => open({ kind: "edit", row }),
    "tags.apply": (row) => open({ kind: "tag", row }),
    "tags.remove": (row) => open({ kind: "untag", row }),
    "users.change_password": (row) => open({ kind: "password", row }),
    "users.transfer": (row) => open({ kind: "transfer", row }),
    "users.send_device_log": (row) => open({ kind: "device_log", row }),
    "users.delete": (row) => open({ kind: "delete", row }),
    "users.suspend": (row) => open({ kind: "suspend", row }),
    "users.revoke_invitation": (row) => open({ kind: "revoke", row }),
    "users.force_logout": (row) => void run("users.force_logout")(row),
    "users.reactivate": (row) => void run("users.reactivate")(row),
    "users.resend_invitation": (row) => void run("users.resend_invitation")(row),
  };
}
