"use client";

import { useMemo, useRef, useState } from "react";
import { toast } from "sonner";
import { useColumnChoices } from "@/components/data-table/column-layout";
import { ColumnMenu } from "@/components/data-table/column-menu";
import { DataTable } from "@/components/data-table/data-table";
import { Pagination } from "@/components/data-table/pagination";
import { SelectionBar, type SelectionAction } from "@/components/data-table/selection-bar";
import { useRowSelection } from "@/components/data-table/use-row-selection";
import type { LocationOption } from "@/components/forms/location-option";
import type { ActionResult } from "@/lib/action-result";
import type { BulkResult, Outcome } from "@/lib/commands/bulk";
import { usersList } from "@/lib/table/users";
import { isFiltered, type UserFilters } from "@/lib/users/filters";
import { usersCount, usersRange } from "@/lib/format/count";
import { Button } from "@/components/ui/button";
import type { RoleOption } from "@/lib/users/page-data";
import { FIRST_DIR, type UserSortKey } from "@/lib/users/sort";
import type { BulkPermissions, UserTableRow } from "@/lib/users/view-model";
import { applyTagAction, changeRolesAction, deleteUsersAction, forceLogoutAction, removeTagAction, resendInvitationsAction, revokeInvitationsAction, setUsersLocationAction, suspendUsersAction } from "../actions";
import { ChangeRoleDialog } from "./dialogs/change-role-dialog";
import { ConfirmStepDialog } from "./dialogs/confirm-step-dialog";
import { ConfirmDeleteDialog } from "@/components/dialogs/confirm-delete-dialog";
import { DeviceLogDialog } from "./dialogs/device-log-dialog";
import { EditDialog } from "./dialogs/edit-dialog";
import { SetLocationDialog } from "./dialogs/location-dialog";
import { InviteDialog } from "./dialogs/invite-dialog";
import { PasswordDialog } from "./dialogs/password-dialog";
import { RolePanel } from "./dialogs/role-panel";
import { ApplyUserTagDialog, RemoveUserTagDialog } from "./dialogs/tag-dialogs";
import type { ChipTag } from "@/components/tags/tag-chip";
import { TransferDialog } from "./dialogs/transfer-dialog";
import { OUTCOMES, reportBulk } from "./run-action";
import { usersColumns } from "./users-columns";
import { UsersToolbar } from "./users-toolbar";
import { useUserRowActions } from "./use-user-row-actions";
import { useUsersTable } from "./use-users-table";

type Props = {
  orgId: string;
  orgName: string;
  viewerId: string;
  rows: UserTableRow[];
  total: number;
  capped: boolean;
  /** The first row's place in the list (0-based). */
  start: number;
  /** For an empty filtered result in this org: how many match in the orgs below it. */
  below: { total: number; capped: boolean } | null;
  next: string | null;
  prev: string | null;
  filters: UserFilters;
  roles: RoleOption[];
  /** The roles the viewer may give, for the dialogs' role selects. */
  grantable: RoleOption[];
  /** The locations usable here (own and inherited): the invite picker, the filter and "Set location". */
  locations: LocationOption[];
  /** The tenant's tags, for the tag filter. */
  tags: ChipTag[];
  permissions: BulkPermissions;
};

type Selection = { userIds: string[] } | { matching: UserFilters };
type BulkAction = "tag" | "untag" | "location" | "role" | "logout" | "suspend" | "resend" | "export" | "delete";
type Open =
  | { kind: "invite" }
  | { kind: "edit" | "password" | "transfer" | "device_log" | "grants"; row: UserTableRow }
  | { kind: "delete" | "suspend" | "revoke"; selection: Selection; count: number; capped: boolean; row?: UserTableRow }
  | { kind: "role" | "tag" | "untag" | "location"; selection: Selection; count: number; capped: boolean; row?: UserTableRow }
  | null;

export function UsersView(props: Props) {
  const { orgId, orgName, rows, total, capped, filters, roles, grantable, permissions } = props;
  const table = useUsersTable();
  const { state, pending, hydrated } = table;
  const rowSelection = useRowSelection(
    JSON.stringify(filters),
    rows.map((r) => r.id),
  );
  const { selected, allMatching, ids: selectedIds, clear } = rowSelection;
  const [open, setOpen] = useState<Open>(null);
  const columnChoices = useColumnChoices("users");
  const exportForm = useRef<HTMLFormElement>(null);

  const selection: Selection = allMatching ? { matching: filters } : { userIds: selectedIds };
  const selectionCount = allMatching ? total : selectedIds.length;
  // "All matching" past the count cap: at least `total`, said as "10,000+".
  const selectionCapped = allMatching && capped;

  async function runBulk<I extends Selection>(action: (input: I & { orgId: string }) => Promise<ActionResult<BulkResult>>, input: I, outcome: Outcome) {
    const result = await action({ orgId, ...input });
    // The rows on screen name a single row's result ("Sam Stone suspended").
    if (reportBulk(result, outcome, rows)) {
      clear();
      setOpen(null);
    }
  }

  const single = (row: UserTableRow): Selection => ({ userIds: [row.id] });
  const menu = useUserRowActions({
    orgId,
    open: ({ kind, row }) =>
      setOpen(kind === "delete" || kind === "suspend" || kind === "revoke" || kind === "tag" || kind === "untag" ? { kind, selection: single(row), count: 1, capped: false, row } : { kind, row }),
    onChanged: () => {
      clear();
      setOpen(null);
    },
  });

  function onBulk(action: BulkAction) {
    switch (action) {
      case "tag":
      case "location":
      case "untag":
      case "role":
        return setOpen({ kind: action, selection, count: selectionCount, capped: selectionCapped });
      case "delete":
      case "suspend":
        return setOpen({ kind: action, selection, count: selectionCount, capped: selectionCapped });
      case "logout":
        return void runBulk(forceLogoutAction, selection, OUTCOMES.logout);
      case "resend":
        return void runBulk(resendInvitationsAction, selection, OUTCOMES.resend);
      case "export":
        if (allMatching) {
          window.location.assign(usersList.href(`/api/o/${orgId}/users/export`, filters, { sort: state.sort, dir: state.dir }));
        } else {
          exportForm.current?.requestSubmit();
        }
        toast.success("Your CSV download has started");
        return;
    }
  }

  const columns = useMemo(
    () =>
      usersColumns({
        orgId,
        showOrg: filters.scope === "reach",
        selected,
        toggle: rowSelection.toggle,
        page: rowSelection.page,
        togglePage: rowSelection.togglePage,
        onRole: permissions.rolesView ? (row) => setOpen({ kind: "grants", row }) : null,
        menu,
        emailColumn: columnChoices.choices.email === true,
      }),
    // The menu handlers close over the latest state on every render anyway.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [orgId, filters.scope, selected, rowSelection.page, permissions.rolesView, columnChoices.choices.email],
  );

  const onSort = (id: string) => table.sortBy(id, FIRST_DIR[id as UserSortKey]);
  const bulkActions: (SelectionAction<BulkAction> & { show: boolean })[] = [
    { key: "tag", label: "Apply tag", short: "Tag", icon: "tag", show: permissions.tags },
    { key: "location", label: "Set location", short: "Location", icon: "pin", show: permissions.locations, more: true },
    { key: "untag", label: "Remove tag", short: "Untag", icon: "untag", show: permissions.tags, more: true },
    { key: "role", label: "Change role", short: "Role", icon: "role", show: permissions.changeRole },
    { key: "logout", label: "Force logout", short: "Logout", icon: "logout", show: permissions.forceLogout, more: true },
    { key: "suspend", label: "Suspend", short: "Suspend", icon: "pause", show: permissions.suspend, more: true },
    { key: "resend", label: "Resend invitation", short: "Resend", icon: "mail", show: permissions.resend, more: true },
    { key: "export", label: "Export CSV", short: "Export", icon: "download", show: permissions.export },
    { key: "delete", label: "Delete", short: "Delete", icon: "trash", show: permissions.delete, danger: true },
  ];

  const filtered = isFiltered(filters);
  const below = props.below && props.below.total > 0 ? props.below : null;
  const empty = filtered ? (
    <div className="text-sm text-slate-600">
      <p className="font-medium text-slate-900">No users {below ? `in ${orgName} ` : ""}match these filters</p>
      {below ? (
        <>
          <p className="mt-1">
            {usersCount(below.total, below.capped)} {below.total === 1 && !below.capped ? "matches" : "match"} in sub-organizations.
          </p>
          <Button variant="secondary" size="sm" className="mt-3" onClick={() => table.update({ scope: "reach" })}>
            Show all in reach
          </Button>
        </>
      ) : (
        <p className="mt-1">Try another search, or reset the filters.</p>
      )}
    </div>
  ) : (
    <div className="text-sm text-slate-600">
      <p className="font-medium text-slate-900">No users in {orgName} yet</p>
      {permissions.invite ? <p className="mt-1">Invite the first one with “Invite user”.</p> : null}
    </div>
  );

  return (
    <div className="space-y-4" data-hydrated={hydrated || undefined}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold tracking-tight">Users</h1>
      </div>
      <UsersToolbar table={table} filters={filters} roles={roles} locations={props.locations} tags={props.tags} canReach={permissions.reach} canInvite={permissions.invite} onInvite={() => setOpen({ kind: "invite" })}
        columnMenu={<ColumnMenu columns={columns} choices={columnChoices.choices} onChoose={columnChoices.choose} onReset={columnChoices.reset} />}
      />
      <DataTable
        caption={`Users of ${orgName}`}
        columns={columns}
        data={rows}
        getRowId={(r) => r.id}
        sort={{ key: state.sort, dir: state.dir }}
        onSort={onSort}
        selection={selected}
        pending={pending}
        empty={empty}
        stickyLast
        choices={columnChoices.choices}
      />
      <Pagination
        summary={usersRange(props.start, rows.length, total, capped)}
        size={{ value: state.size, onChange: (size) => table.update({ size }) }}
        onPrev={props.prev ? () => table.goTo({ before: props.prev, after: null }) : null}
        onNext={props.next ? () => table.goTo({ after: props.next, before: null }) : null}
        pending={pending}
      />
      {selectionCount > 0 ? (
        <SelectionBar
          count={selectionCount}
          total={total}
          capped={capped}
          allMatching={allMatching}
          actions={bulkActions.filter((a) => a.show)}
          onSelectAll={rowSelection.selectAllMatching}
          onClear={clear}
          onAction={onBulk}
        />
      ) : null}

      <form ref={exportForm} method="post" action={`/api/o/${orgId}/users/export`} className="hidden">
        {selectedIds.map((id) => (
          <input key={id} type="hidden" name="id" value={id} />
        ))}
        <input type="hidden" name="sort" value={state.sort} />
        <input type="hidden" name="dir" value={state.dir} />
      </form>

      <InviteDialog open={open?.kind === "invite"} onOpenChange={(o) => setOpen(o ? { kind: "invite" } : null)} orgId={orgId} roles={grantable} locations={props.locations} />
      {open?.kind === "edit" ? <EditDialog row={open.row} orgId={orgId} roles={grantable} onClose={() => setOpen(null)} /> : null}
      {open?.kind === "password" ? <PasswordDialog row={open.row} orgId={orgId} onClose={() => setOpen(null)} /> : null}
      {open?.kind === "transfer" ? <TransferDialog row={open.row} orgId={orgId} roles={grantable} onClose={() => setOpen(null)} /> : null}
      {open?.kind === "device_log" ? <DeviceLogDialog row={open.row} orgId={orgId} onClose={() => setOpen(null)} /> : null}
      {open?.kind === "grants" ? <RolePanel row={open.row} orgId={orgId} onClose={() => setOpen(null)} /> : null}
      {open?.kind === "delete" ? (
        <ConfirmDeleteDialog count={open.count} capped={open.capped} name={open.row?.name} onClose={() => setOpen(null)} onConfirm={(devices) => runBulk(deleteUsersAction, { ...open.selection, devices, confirm: "DELETE" as const }, OUTCOMES.delete)} />
      ) : null}
      {open?.kind === "suspend" || open?.kind === "revoke" ? (
        <ConfirmStepDialog
          kind={open.kind}
          count={open.count}
          capped={open.capped}
          row={open.row}
          onClose={() => setOpen(null)}
          onConfirm={() => runBulk(open.kind === "suspend" ? suspendUsersAction : revokeInvitationsAction, open.selection, OUTCOMES[open.kind])}
        />
      ) : null}
      {open?.kind === "role" ? (
        <ChangeRoleDialog count={open.count} capped={open.capped} roles={grantable} onClose={() => setOpen(null)} onConfirm={(role) => runBulk(changeRolesAction, { ...open.selection, role }, { verb: `changed to ${grantable.find((r) => r.key === role)?.name ?? role}` })} />
      ) : null}
      {open?.kind === "location" ? (
        <SetLocationDialog
          count={open.count}
          capped={open.capped}
          locations={props.locations}
          onClose={() => setOpen(null)}
          onConfirm={(locationId) => runBulk(setUsersLocationAction, { ...open.selection, locationId }, { verb: locationId ? `moved to ${props.locations.find((l) => l.id === locationId)?.name ?? "the location"}` : "given no location" })}
        />
      ) : null}
      {open?.kind === "tag" ? (
        <ApplyUserTagDialog orgId={orgId} count={open.count} capped={open.capped} name={open.row?.name} onClose={() => setOpen(null)} onApply={(tag, label) => runBulk(applyTagAction, { ...open.selection, tag }, { verb: `tagged ${label}` })} />
      ) : null}
      {open?.kind === "untag" ? (
        <RemoveUserTagDialog orgId={orgId} selection={open.selection} count={open.count} capped={open.capped} name={open.row?.name} onClose={() => setOpen(null)} onRemove={(tagId, label) => runBulk(removeTagAction, { ...open.selection, tagId }, { verb: `no longer tagged ${label}` })} />
      ) : null}
    </div>
  );
}
