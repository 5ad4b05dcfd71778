"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { RoleOption, RowAction } from "@/lib/users/page-data";
import type { UserTableRow } from "@/lib/users/view-model";
import { deleteUsersAction, forceLogoutAction, reactivateUsersAction, resendInvitationsAction, revokeInvitationsAction, suspendUsersAction } from "../actions";
import { ConfirmDeleteDialog } from "./dialogs/confirm-delete-dialog";
import { EditDialog } from "./dialogs/edit-dialog";
import { PasswordDialog } from "./dialogs/password-dialog";
import { TransferDialog } from "./dialogs/transfer-dialog";
import { RowMenu } from "./row-menu";
import { reportBulk } from "./run-action";

type Props = { row: UserTableRow; orgId: string; roles: RoleOption[]; canMakeAdmin: boolean };

/** The profile header's actions: the same policy-filtered menu and dialogs as the table row. */
export function ProfileActions({ row, orgId, roles, canMakeAdmin }: Props) {
  const router = useRouter();
  const [open, setOpen] = useState<"edit" | "password" | "transfer" | "delete" | null>(null);
  const ids = { orgId, userIds: [row.id] };
  const run = async (action: typeof forceLogoutAction, verb: string) => reportBulk(await action(ids), verb);
  const handlers: Record<RowAction, () => void> = {
    "users.edit": () => setOpen("edit"),
    "users.change_password": () => setOpen("password"),
    "users.transfer": () => setOpen("transfer"),
    "users.delete": () => setOpen("delete"),
    "users.force_logout": () => void run(forceLogoutAction, "logged out"),
    "users.suspend": () => void run(suspendUsersAction, "suspended"),
    "users.reactivate": () => void run(reactivateUsersAction, "reactivated"),
    "users.resend_invitation": () => void run(resendInvitationsAction, "invitation resent"),
    "users.revoke_invitation": async () => {
      if (await run(revokeInvitationsAction, "invitation revoked")) router.push(`/o/${orgId}/users`);
    },
  };
  const close = () => setOpen(null);
  return (
    <div className="flex items-center gap-2">
      {row.actions.includes("users.force_logout") ? (
        <Button variant="secondary" onClick={handlers["users.force_logout"]}>
          Force logout
        </Button>
      ) : null}
      <RowMenu row={row} handlers={Object.fromEntries(Object.entries(handlers).map(([k, fn]) => [k, () => fn()])) as Record<RowAction, () => void>} />
      {open === "edit" ? <EditDialog row={row} orgId={orgId} roles={roles} canMakeAdmin={canMakeAdmin} onClose={close} /> : null}
      {open === "password" ? <PasswordDialog row={row} orgId={orgId} onClose={close} /> : null}
      {open === "transfer" ? <TransferDialog row={row} orgId={orgId} roles={roles} canMakeAdmin={canMakeAdmin} onClose={close} /> : null}
      {open === "delete" ? (
        <ConfirmDeleteDialog
          count={1}
          name={row.name}
          onClose={close}
          onConfirm={async (devices) => {
            if (reportBulk(await deleteUsersAction({ ...ids, devices, confirm: "DELETE" }), "deleted")) router.push(`/o/${orgId}/users`);
          }}
        />
      ) : null}
    </div>
  );
}
