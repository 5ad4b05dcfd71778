"use client";

import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import type { ReactNode } from "react";
import { toast } from "sonner";
import { DetailsToggle } from "@/components/data-table/details-toggle";
import { PageCheckbox } from "@/components/data-table/page-checkbox";
import type { PageSelection } from "@/components/data-table/use-row-selection";
import { initials } from "@/components/ui/avatar";
import { StatusBadge } from "@/components/ui/status-badge";
import { TagChips } from "@/components/tags/tag-chip";
import type { UserTableRow } from "@/lib/users/view-model";
import { RowMenu, type RowMenuHandlers } from "./row-menu";

type Options = {
  orgId: string;
  showOrg: boolean;
  selected: Record<string, boolean>;
  toggle: (id: string) => void;
  /** How much of the page is selected, and the header box that selects or clears it. */
  page: PageSelection;
  togglePage: () => void;
  onRole: ((row: UserTableRow) => void) | null;
  menu: RowMenuHandlers;
  /** The person chose to show the Email column: the name cell leaves its email line out. */
  emailColumn: boolean;
};

function SelectCell({ row, checked, toggle }: { row: UserTableRow; checked: boolean; toggle: () => void }) {
  // The initials avatar turns into a checkbox on hover or focus, and stays one when checked.
  return (
    <label className="dt-pick">
      <input
        type="checkbox"
        aria-label={`Select ${row.name}`}
        checked={checked}
        onChange={toggle}
        className="peer dt-pick-box"
      />
      <span aria-hidden className="dt-pick-face">
        {initials(row.name)}
      </span>
    </label>
  );
}

function NameCell({ row, orgId, withEmail, toggle }: { row: UserTableRow; orgId: string; withEmail: boolean; toggle: ReactNode }) {
  // The email sits under the name (its own column is opt-in): the table fits 1440 px in every scope.
  return (
    <div className="flex items-start gap-0.5 sm:max-w-60">
      <div className="min-w-0">
        <span className="group/name relative flex">
          <Link href={`/o/${orgId}/users/${row.id}`} prefetch={false} title={row.name} className="dt-name truncate">
            {row.name}
          </Link>
          {/* Hover or focus shows the email with a copy button. */}
          <span className="dt-card">
            {row.email}
            <button
              type="button"
              aria-label={`Copy ${row.email}`}
              className="dt-copy"
              onClick={() => {
                void navigator.clipboard?.writeText(row.email).then(
                  () => toast.success("Email copied"),
                  () => toast.error("Could not copy the email"),
                );
              }}
            >
              Copy
            </button>
          </span>
        </span>
        {withEmail ? <Clipped text={row.email} className="text-xs text-slate-500" /> : null}
      </div>
      {toggle}
    </div>
  );
}

function Clipped({ text, className }: { text: string; className: string }) {
  return (
    <span className={`block truncate ${className}`} title={text}>
      {text}
    </span>
  );
}

export function usersColumns({ orgId, showOrg, selected, toggle, page, togglePage, onRole, menu, emailColumn }: Options): ColumnDef<UserTableRow, unknown>[] {
  // `showFrom`: the widths where a column shows unless the person chooses (column menu); elsewhere
  // its value is in the row's details. Outliers end in an ellipsis, the whole text on hover. With
  // every value at its longest the columns shown fit 1440 px beside the nav: in "All in reach"
  // the Org column takes the Location column's place below 1536 px.
  const columns: (ColumnDef<UserTableRow, unknown> | null)[] = [
    {
      id: "select",
      header: ({ table }) => <PageCheckbox state={page} onToggle={togglePage} disabled={table.getRowCount() === 0} />,
      enableSorting: false,
      enableHiding: false,
      meta: { phoneWidth: "max-sm:w-13" },
      cell: ({ row }) => <SelectCell row={row.original} checked={!!selected[row.original.id]} toggle={() => toggle(row.original.id)} />,
    },
    {
      id: "name",
      header: "Name",
      enableHiding: false,
      cell: ({ row, table }) => (
        <NameCell row={row.original} orgId={orgId} withEmail={!emailColumn} toggle={<DetailsToggle row={row} table={table} label={`Details for ${row.original.name}`} />} />
      ),
    },
    { id: "email", header: "Email", meta: { showFrom: "never", details: false }, cell: ({ row }) => <Clipped text={row.original.email} className="max-w-56 text-slate-600" /> },
    showOrg ? { id: "org", header: "Org", meta: { showFrom: "xl" }, cell: ({ row }) => <Clipped text={row.original.orgName} className="max-w-36" /> } : null,
    {
      id: "role",
      header: "Role",
      meta: { showFrom: "lg" },
      cell: ({ row }) =>
        onRole ? (
          <button type="button" onClick={() => onRole(row.original)} title={row.original.roleLabel} className="dt-link block max-w-32 truncate">
            {row.original.roleLabel}
          </button>
        ) : (
          <Clipped text={row.original.roleLabel} className="max-w-32" />
        ),
    },
    { id: "location", header: "Location", meta: { showFrom: showOrg ? "2xl" : "xl" }, cell: ({ row }) => (row.original.location ? <Clipped text={row.original.location} className="max-w-36" /> : <span className="text-slate-400">—</span>) },
    { id: "tags", header: "Tags", enableSorting: false, meta: { showFrom: "xl" }, cell: ({ row }) => <TagChips tags={row.original.tags} /> },
    { id: "status", header: "Status", meta: { phoneWidth: "max-sm:w-28" }, cell: ({ row }) => <StatusBadge status={row.original.status} /> },
    { id: "lastLogin", header: "Last login", meta: { showFrom: "lg" }, cell: ({ row }) => row.original.lastLogin },
    { id: "registered", header: "Registered", meta: { showFrom: "2xl" }, cell: ({ row }) => row.original.registered },
    { id: "devices", header: "Devices", meta: { showFrom: "xl" }, cell: ({ row }) => <span className="tabular-nums">{row.original.devices}</span> },
    { id: "actions", header: () => <span className="sr-only">Actions</span>, enableSorting: false, enableHiding: false, meta: { phoneWidth: "max-sm:w-14" }, cell: ({ row }) => <RowMenu row={row.original} handlers={menu} /> },
  ];
  return columns.filter((c): c is ColumnDef<UserTableRow, unknown> => c !== null);
}
