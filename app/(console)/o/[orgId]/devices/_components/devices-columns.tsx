"use client";

import type { ColumnDef } from "@tanstack/react-table";
import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import Link from "next/link";
import { DetailsToggle } from "@/components/data-table/details-toggle";
import { PageCheckbox } from "@/components/data-table/page-checkbox";
import type { PageSelection } from "@/components/data-table/use-row-selection";
import { TagChips } from "@/components/tags/tag-chip";
import type { DeviceTableRow } from "./devices-view";

type Options = {
  orgId: string;
  view: "org" | "own";
  showOrg: boolean;
  /** The tick boxes, when the viewer may use a bulk action; null: no select column. */
  selection: { selected: Record<string, boolean>; toggle: (id: string) => void; page: PageSelection; togglePage: () => void } | null;
  onRow: (kind: "transfer" | "delete" | "tag" | "untag", row: DeviceTableRow) => void;
};

const muted = <span className="text-slate-400">—</span>;

/** The devices table's columns. Narrow screens keep the device, its owner and the menu; the rest is in the row's details. */
export function devicesColumns({ orgId, view, showOrg, selection, onRow }: Options): ColumnDef<DeviceTableRow, unknown>[] {
  const columns: (ColumnDef<DeviceTableRow, unknown> | null)[] = [
    selection
      ? {
          id: "select",
          header: ({ table }) => <PageCheckbox state={selection.page} onToggle={selection.togglePage} disabled={table.getRowCount() === 0} />,
          enableSorting: false,
          meta: { phoneWidth: "max-sm:w-11" },
          cell: ({ row }) => (
            <span className="flex h-8 w-8 items-center justify-center">
              <input
                type="checkbox"
                aria-label={`Select ${row.original.name}`}
                checked={!!selection.selected[row.original.id]}
                onChange={() => selection.toggle(row.original.id)}
                className="h-4 w-4 cursor-pointer accent-brand-600"
              />
            </span>
          ),
        }
      : null,
    {
      id: "name",
      header: "Device",
      cell: ({ row, table }) => (
        <span className="flex items-center gap-1">
          {/* On a phone a long name wraps rather than run into the owner. */}
          <span className="min-w-0">
            <Link href={`/o/${orgId}/devices/${row.original.id}`} prefetch={false} title={row.original.name} className="dt-name max-sm:block max-sm:whitespace-normal max-sm:break-words">
              {row.original.name}
            </Link>
            <span className="text-xs text-slate-500 max-sm:block max-sm:truncate sm:ml-2">{row.original.model}</span>
          </span>
          <DetailsToggle row={row} table={table} label={`Details for ${row.original.name}`} />
        </span>
      ),
    },
    view === "org" ? { id: "owner", header: "Owner", cell: ({ row }) => row.original.ownerName ?? <span className="text-slate-500">No owner</span> } : null,
    showOrg ? { id: "org", header: "Org", meta: { showFrom: "lg" }, cell: ({ row }) => row.original.orgName } : null,
    { id: "location", header: "Location", meta: { showFrom: "md" }, cell: ({ row }) => row.original.location ?? muted },
    { id: "tags", header: "Tags", enableSorting: false, meta: { showFrom: "lg" }, cell: ({ row }) => (row.original.tags.length ? <TagChips tags={row.original.tags} /> : muted) },
    { id: "created", header: "Added", meta: { showFrom: "md" }, cell: ({ row }) => row.original.created },
    {
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      enableSorting: false,
      cell: ({ row }) =>
        row.original.canTransfer || row.original.canDelete || row.original.canTag ? (
          <DropdownMenu.Root>
            <DropdownMenu.Trigger aria-label={`Actions for ${row.original.name}`} className="rounded-md px-2 py-1 text-lg leading-none text-slate-500 hover:bg-slate-100">
              ⋯
            </DropdownMenu.Trigger>
            <DropdownMenu.Portal>
              <DropdownMenu.Content align="end" sideOffset={4} className="z-50 min-w-40 rounded-lg border border-slate-200 bg-white p-1 shadow-lg">
                {row.original.canTransfer ? (
                  <DropdownMenu.Item onSelect={() => onRow("transfer", row.original)} className="cursor-pointer rounded-md px-3 py-1.5 text-sm outline-none data-[highlighted]:bg-slate-100">
                    Transfer
                  </DropdownMenu.Item>
                ) : null}
                {row.original.canTag ? (
                  <>
                    <DropdownMenu.Item onSelect={() => onRow("tag", row.original)} className="cursor-pointer rounded-md px-3 py-1.5 text-sm outline-none data-[highlighted]:bg-slate-100">
                      Apply tag
                    </DropdownMenu.Item>
                    <DropdownMenu.Item onSelect={() => onRow("untag", row.original)} className="cursor-pointer rounded-md px-3 py-1.5 text-sm outline-none data-[highlighted]:bg-slate-100">
                      Remove tag
                    </DropdownMenu.Item>
                  </>
                ) : null}
                {row.original.canDelete ? (
                  <DropdownMenu.Item onSelect={() => onRow("delete", row.original)} className="cursor-pointer rounded-md px-3 py-1.5 text-sm text-red-700 outline-none data-[highlighted]:bg-slate-100">
                    Delete
                  </DropdownMenu.Item>
                ) : null}
              </DropdownMenu.Content>
            </DropdownMenu.Portal>
          </DropdownMenu.Root>
        ) : null,
    },
  ];
  return columns.filter((c): c is ColumnDef<DeviceTableRow, unknown> => c !== null);
}
