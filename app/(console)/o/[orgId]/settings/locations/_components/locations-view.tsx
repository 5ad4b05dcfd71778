"use client";

import type { ColumnDef } from "@tanstack/react-table";
import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import Link from "next/link";
import { useState } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { DetailsToggle } from "@/components/data-table/details-toggle";
import { Pagination } from "@/components/data-table/pagination";
import { SearchBox } from "@/components/data-table/search-box";
import { Toolbar } from "@/components/data-table/toolbar";
import { useDataTable } from "@/components/data-table/use-data-table";
import { Button } from "@/components/ui/button";
import type { LocationRow } from "@/lib/locations/list";
import { countLabel } from "@/lib/format/count";
import { COUNT_CAP } from "@/lib/table/paging";
import { LOCATIONS_PAGING, locationsList } from "@/lib/table/locations";
import { DeleteLocationDialog } from "./delete-location-dialog";
import { InheritedBadge } from "./inherited-badge";
import { LocationDialog } from "./location-dialog";

type Props = { orgId: string; orgName: string; rows: LocationRow[]; total: number; page: number; pages: number; canManage: boolean };
type Open = { kind: "add" } | { kind: "edit" | "delete"; row: LocationRow } | null;

/** A count from the list (capped one past COUNT_CAP), or a dash where the viewer sees none of them. */
const shown = (n: number | null) => (n === null ? <span className="text-slate-400">—</span> : countLabel(Math.min(n, COUNT_CAP), n > COUNT_CAP));

export function LocationsView({ orgId, orgName, rows, total, page, pages, canManage }: Props) {
  const table = useDataTable(locationsList.url, LOCATIONS_PAGING);
  const { state, update, pending, hydrated } = table;
  const [open, setOpen] = useState<Open>(null);
  const menuItem = "cursor-pointer rounded-md px-3 py-1.5 text-sm outline-none data-[highlighted]:bg-slate-100";

  const columns: ColumnDef<LocationRow, unknown>[] = [
    {
      id: "name",
      header: "Name",
      cell: ({ row, table }) => (
        <span className="flex items-center gap-1">
          <span className="min-w-0">
            <Link href={`/o/${orgId}/settings/locations/${row.original.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
              {row.original.name}
            </Link>
            {row.original.inherited ? (
              <span className="ml-2 max-sm:mt-0.5 max-sm:ml-0 max-sm:block">
                <InheritedBadge orgName={row.original.orgName} />
              </span>
            ) : null}
          </span>
          <DetailsToggle row={row} table={table} label={`Details for ${row.original.name}`} />
        </span>
      ),
    },
    { id: "address", header: "Address", meta: { showFrom: "md" }, cell: ({ row }) => (row.original.address ? <span className="line-clamp-2">{row.original.address}</span> : <span className="text-slate-400">—</span>) },
    { id: "devices", header: "Devices", meta: { showFrom: "sm", cellClass: "tabular-nums" }, cell: ({ row }) => shown(row.original.devices) },
    { id: "people", header: "People", meta: { showFrom: "sm", cellClass: "tabular-nums" }, cell: ({ row }) => shown(row.original.people) },
    {
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      enableSorting: false,
      meta: { details: false },
      cell: ({ row }) =>
        canManage && !row.original.inherited ? (
          <DropdownMenu.Root>
            <DropdownMenu.Trigger aria-label={`Actions for ${row.original.name}`} className="rounded-md px-2 py-1 text-lg leading-none text-slate-500 hover:bg-slate-100">
              ⋯
            </DropdownMenu.Trigger>
            <DropdownMenu.Portal>
              <DropdownMenu.Content align="end" sideOffset={4} className="z-50 min-w-40 rounded-lg border border-slate-200 bg-white p-1 shadow-lg">
                <DropdownMenu.Item onSelect={() => setOpen({ kind: "edit", row: row.original })} className={menuItem}>
                  Edit
                </DropdownMenu.Item>
                <DropdownMenu.Item onSelect={() => setOpen({ kind: "delete", row: row.original })} className={`${menuItem} text-red-700`}>
                  Delete
                </DropdownMenu.Item>
              </DropdownMenu.Content>
            </DropdownMenu.Portal>
          </DropdownMenu.Root>
        ) : null,
    },
  ];

  return (
    <div className="space-y-4" data-hydrated={hydrated || undefined}>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Locations</h1>
        <p className="text-sm text-slate-500">Where the people and devices of {orgName} are. Locations of the organizations above are usable here too, marked Inherited.</p>
      </div>
      <Toolbar
        action={
          canManage ? (
            <Button className="ml-auto" onClick={() => setOpen({ kind: "add" })}>
              <span aria-hidden>+</span> Add location
            </Button>
          ) : null
        }
      >
        <SearchBox id="location-search" label="Search locations by name or address" placeholder="Search name or address" icon value={state.q} onSearch={(q) => update({ q })} />
      </Toolbar>
      <DataTable
        caption={`Locations of ${orgName}`}
        columns={columns}
        data={rows}
        getRowId={(r) => r.id}
        sort={{ key: state.sort, dir: state.dir }}
        onSort={(id) => table.sortBy(id, id === "devices" || id === "people" ? "desc" : "asc")}
        pending={pending}
        stickyLast
        empty={
          <div className="text-sm text-slate-600">
            <p className="font-medium text-slate-900">{state.q ? "No locations match this search" : `No locations in ${orgName} yet`}</p>
            {canManage && !state.q ? <p className="mt-1">Add the first one with “Add location”.</p> : null}
          </div>
        }
      />
      <Pagination
        summary={`${total.toLocaleString("en")} ${total === 1 ? "location" : "locations"} · page ${page} of ${pages}`}
        size={{ value: state.size, onChange: (size) => update({ size }) }}
        onPrev={page > 1 ? () => table.goTo({ page: page - 1 }) : null}
        onNext={page < pages ? () => table.goTo({ page: page + 1 }) : null}
        pending={pending}
      />

      {open?.kind === "add" || open?.kind === "edit" ? <LocationDialog orgId={orgId} orgName={orgName} location={open.kind === "edit" ? open.row : null} onClose={() => setOpen(null)} /> : null}
      {open?.kind === "delete" ? <DeleteLocationDialog orgId={orgId} location={open.row} onClose={() => setOpen(null)} /> : null}
    </div>
  );
}
