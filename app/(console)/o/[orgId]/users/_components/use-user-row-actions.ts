"use client";

import type { ActionResult } from "@/lib/action-result";
import type { BulkResult } from "@/lib/commands/bulk";
import type { RowAction } from "@/lib/users/page-data";
import type { UserTableRow } from "@/lib/users/view-model";
import { forceLogoutAction, reactivateUsersAction, resendInvitationsAction, revokeInvitationsAction, suspendUsersAction } from "../actions";
import type { RowMenuHandlers } from "./row-menu";
import { reportBulk } from "./run-action";

/** The row actions that ask first, in a dialog. */
export type RowDialog = { kind: "edit" | "password" | "transfer" | "delete"; row: UserTableRow };

type Run = { action: (input: { orgId: string; userIds: string[] }) => Promise<ActionResult<BulkResult>>; verb: string };

const RUNS: Record<Exclude<RowAction, "users.edit" | "users.change_password" | "users.transfer" | "users.delete">, Run> = {
  "users.force_logout": { action: forceLogoutAction, verb: "logged out" },
  "users.suspend": { action: suspendUsersAction, verb: "suspended" },
  "users.reactivate": { action: reactivateUsersAction, verb: "reactivated" },
  "users.resend_invitation": { action: resendInvitationsAction, verb: "invitation resent" },
  "users.revoke_invitation": { action: revokeInvitationsAction, verb: "invitation revoked" },
};

type Options = {
  orgId: string;
  open: (dialog: RowDialog) => void;
  /** After an action changed something: the table clears its selection, the profile leaves a revoked invitation. */
  onChanged?: (action: RowAction) => void;
  /** The table says whom it logged out; the profile is already about them. */
  nameWhoLoggedOut?: boolean;
};

/**
 * What each entry of a user's ⋯ menu does, for the users table and the user's profile alike:
 * a dialog for the actions that ask first, else the server action and its toast.
 */
export function useUserRowActions({ orgId, open, onChanged, nameWhoLoggedOut = false }: Options): RowMenuHandlers {
  const run = (key: keyof typeof RUNS) => async (row: UserTableRow) => {
    const { action, verb } = RUNS[key];
    const said = key === "users.force_logout" && nameWhoLoggedOut ? `${verb} (${row.name})` : verb;
    if (reportBulk(await action({ orgId, userIds: [row.id] }), said)) onChanged?.(key);
  };
  return {
    "users.edit": (row) => open({ kind: "edit", row }),
    "users.change_password": (row) => open({ kind: "password", row }),
    "users.transfer": (row) => open({ kind: "transfer", row }),
    "users.delete": (row) => open({ kind: "delete", row }),
    "users.force_logout": (row) => void run("users.force_logout")(row),
    "users.suspend": (row) => void run("users.suspend")(row),
    "users.reactivate": (row) => void run("users.reactivate")(row),
    "users.resend_invitation": (row) => void run("users.resend_invitation")(row),
    "users.revoke_invitation": (row) => void run("users.revoke_invitation")(row),
  };
}
