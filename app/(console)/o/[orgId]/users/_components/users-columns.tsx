"use client";

import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { toast } from "sonner";
import { PageCheckbox } from "@/components/data-table/page-checkbox";
import type { PageSelection } from "@/components/data-table/use-row-selection";
import { initials } from "@/components/ui/avatar";
import { StatusBadge } from "@/components/ui/status-badge";
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

function NameCell({ row, orgId }: { row: UserTableRow; orgId: string }) {
  return (
    <span className="group/name relative inline-flex">
      <Link href={`/o/${orgId}/users/${row.id}`} prefetch={false} className="dt-name">
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
  );
}

function Clipped({ text, className }: { text: string; className: string }) {
  return (
    <span className={`block truncate ${className}`} title={text}>
      {text}
    </span>
  );
}

export function usersColumns({ orgId, showOrg, selected, toggle, page, togglePage, onRole, menu }: Options): ColumnDef<UserTableRow, unknown>[] {
  const columns: (ColumnDef<UserTableRow, unknown> | null)[] = [
    {
      id: "select",
      header: ({ table }) => <PageCheckbox state={page} onToggle={togglePage} disabled={table.getRowCount() === 0} />,
      enableSorting: false,
      cell: ({ row }) => <SelectCell row={row.original} checked={!!selected[row.original.id]} toggle={() => toggle(row.original.id)} />,
    },
    { id: "name", header: "Name", cell: ({ row }) => <NameCell row={row.original} orgId={orgId} /> },
    // Only outliers end in an ellipsis (the whole text on hover; the name's card shows the whole
    // email too): one 60-character address would otherwise widen the column for every row and
    // push the last login and the dates out of view.
    { id: "email", header: "Email", cell: ({ row }) => <Clipped text={row.original.email} className="max-w-72 text-slate-600" /> },
    showOrg ? { id: "org", header: "Org", cell: ({ row }) => <Clipped text={row.original.orgName} className="max-w-60" /> } : null,
    {
      id: "role",
      header: "Role",
      cell: ({ row }) =>
        onRole ? (
          <button type="button" onClick={() => onRole(row.original)} className="dt-link">
            {row.original.roleLabel}
          </button>
        ) : (
          row.original.roleLabel
        ),
    },
    { id: "location", header: "Location", cell: ({ row }) => (row.original.location ? <Clipped text={row.original.location} className="max-w-60" /> : <span className="text-slate-400">—</span>) },
    { id: "status", header: "Status", cell: ({ row }) => <StatusBadge status={row.original.status} /> },
    { id: "lastLogin", header: "Last login", cell: ({ row }) => row.original.lastLogin },
    { id: "registered", header: "Registered", cell: ({ row }) => row.original.registered },
    { id: "devices", header: "Devices", cell: ({ row }) => <span className="tabular-nums">{row.original.devices}</span> },
    { id: "actions", header: () => <span className="sr-only">Actions</span>, enableSorting: false, cell: ({ row }) => <RowMenu row={row.original} handlers={menu} /> },
  ];
  return columns.filter((c): c is ColumnDef<UserTableRow, unknown> => c !== null);
}
