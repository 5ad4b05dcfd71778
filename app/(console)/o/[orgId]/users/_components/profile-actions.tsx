"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { RoleOption } from "@/lib/users/page-data";
import type { UserTableRow } from "@/lib/users/view-model";
import { applyTagAction, deleteUsersAction, removeTagAction, revokeInvitationsAction, suspendUsersAction } from "../actions";
import { ConfirmDeleteDialog } from "@/components/dialogs/confirm-delete-dialog";
import { ConfirmStepDialog } from "./dialogs/confirm-step-dialog";
import { DeviceLogDialog } from "./dialogs/device-log-dialog";
import { EditDialog } from "./dialogs/edit-dialog";
import { ApplyUserTagDialog, RemoveUserTagDialog } from "./dialogs/tag-dialogs";
import { PasswordDialog } from "./dialogs/password-dialog";
import { TransferDialog } from "./dialogs/transfer-dialog";
import { RowMenu } from "./row-menu";
import { OUTCOMES, reportBulk } from "./run-action";
import { useUserRowActions, type RowDialog } from "./use-user-row-actions";

/** `roles`: the ones the viewer may give (grantableRoles). */
type Props = { row: UserTableRow; orgId: string; roles: RoleOption[] };

/** The profile header's actions: the same policy-filtered menu and dialogs as the table row. */
export function ProfileActions({ row, orgId, roles }: Props) {
  const router = useRouter();
  const [open, setOpen] = useState<RowDialog["kind"] | null>(null);
  const ids = { orgId, userIds: [row.id] };
  const handlers = useUserRowActions({ orgId, open: ({ kind }) => setOpen(kind) });
  const close = () => setOpen(null);
  return (
    <div className="flex items-center gap-2">
      {row.actions.includes("users.force_logout") ? (
        <Button variant="secondary" onClick={() => handlers["users.force_logout"](row)}>
          Force logout
        </Button>
      ) : null}
      <RowMenu row={row} handlers={handlers} />
      {open === "edit" ? <EditDialog row={row} orgId={orgId} roles={roles} onClose={close} /> : null}
      {open === "tag" ? (
        <ApplyUserTagDialog
          orgId={orgId}
          count={1}
          capped={false}
          name={row.name}
          onClose={close}
          onApply={async (tag, label) => {
            if (reportBulk(await applyTagAction({ ...ids, tag }), { verb: `tagged ${label}` }, [row])) close();
          }}
        />
      ) : null}
      {open === "untag" ? (
        <RemoveUserTagDialog
          orgId={orgId}
          selection={{ userIds: [row.id] }}
          count={1}
          capped={false}
          name={row.name}
          onClose={close}
          onRemove={async (tagId, label) => {
            if (reportBulk(await removeTagAction({ ...ids, tagId }), { verb: `no longer tagged ${label}` }, [row])) close();
          }}
        />
      ) : null}
      {open === "password" ? <PasswordDialog row={row} orgId={orgId} onClose={close} /> : null}
      {open === "transfer" ? <TransferDialog row={row} orgId={orgId} roles={roles} onClose={close} /> : null}
      {open === "device_log" ? <DeviceLogDialog row={row} orgId={orgId} onClose={close} /> : null}
      {open === "delete" ? (
        <ConfirmDeleteDialog
          count={1}
          name={row.name}
          onClose={close}
          onConfirm={async (devices) => {
            if (reportBulk(await deleteUsersAction({ ...ids, devices, confirm: "DELETE" }), OUTCOMES.delete, [row])) router.push(`/o/${orgId}/users`);
          }}
        />
      ) : null}
      {open === "suspend" || open === "revoke" ? (
        <ConfirmStepDialog
          kind={open}
          count={1}
          capped={false}
          row={row}
          onClose={close}
          onConfirm={async () => {
            const done = reportBulk(await (open === "suspend" ? suspendUsersAction : revokeInvitationsAction)(ids), OUTCOMES[open], [row]);
            // A revoked invitation leaves no one to show here.
            if (done && open === "revoke") router.push(`/o/${orgId}/users`);
            else if (done) close();
          }}
        />
      ) : null}
    </div>
  );
}
