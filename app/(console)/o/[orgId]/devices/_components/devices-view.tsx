"use client";

import type { ColumnDef } from "@tanstack/react-table";
import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { useState } from "react";
import { toast } from "sonner";
import { DataTable } from "@/components/data-table/data-table";
import { DetailsToggle } from "@/components/data-table/details-toggle";
import { Pagination } from "@/components/data-table/pagination";
import { ScopeChips } from "@/components/data-table/scope-chips";
import { SearchBox } from "@/components/data-table/search-box";
import { Toolbar } from "@/components/data-table/toolbar";
import { useDataTable } from "@/components/data-table/use-data-table";
import { Button } from "@/components/ui/button";
import { countLabel } from "@/lib/format/count";
import type { DeviceRow } from "@/lib/devices/list";
import { DEVICES_PAGING, devicesList } from "@/lib/table/devices";
import type { OrgOption } from "@/lib/users/page-data";
import { deleteDeviceAction } from "../actions";
import { AddDeviceDialog } from "./add-device-dialog";
import { TransferDeviceDialog } from "./transfer-device-dialog";
import { ApplyDeviceTagDialog, RemoveDeviceTagDialog } from "./device-tag-dialogs";
import { ConfirmDeleteDialog } from "@/components/dialogs/confirm-delete-dialog";
import { FacetedFilter } from "@/components/data-table/faceted-filter";
import { TagChips, type ChipTag } from "@/components/tags/tag-chip";

export type DeviceTableRow = Omit<DeviceRow, "createdAt"> & { created: string; canTransfer: boolean; canDelete: boolean; canTag: boolean };

type Props = {
  orgId: string;
  orgName: string;
  view: "org" | "own";
  rows: DeviceTableRow[];
  total: number;
  capped: boolean;
  page: number;
  pages: number;
  orgs: OrgOption[];
  canCreate: boolean;
  canReach: boolean;
  /** The tenant's tags, for the tag filter. */
  tags: ChipTag[];
};

export function DevicesView(props: Props) {
  const { orgId, orgName, view, rows, orgs } = props;
  const table = useDataTable(devicesList.url, DEVICES_PAGING);
  const { state, update, pending, hydrated } = table;
  const [open, setOpen] = useState<{ kind: "add" } | { kind: "transfer" | "delete" | "tag" | "untag"; row: DeviceTableRow } | null>(null);

  // Narrow screens keep the device, its owner and the menu; the rest is in the row's details.
  const columns: ColumnDef<DeviceTableRow, unknown>[] = [
    {
      id: "name",
      header: "Device",
      cell: ({ row, table }) => (
        <span className="flex items-center gap-1">
          <span className="font-medium text-slate-900">
            {row.original.name}
            <span className="text-xs text-slate-500 max-sm:block sm:ml-2">{row.original.model}</span>
          </span>
          <DetailsToggle row={row} table={table} label={`Details for ${row.original.name}`} />
        </span>
      ),
    },
    ...(view === "org" ? [{ id: "owner", header: "Owner", cell: ({ row }: { row: { original: DeviceTableRow } }) => row.original.ownerName ?? <span className="text-slate-400">No owner</span> }] : []),
    ...(state.scope === "reach" ? [{ id: "org", header: "Org", meta: { showFrom: "lg" as const }, cell: ({ row }: { row: { original: DeviceTableRow } }) => row.original.orgName }] : []),
    { id: "location", header: "Location", meta: { showFrom: "md" }, cell: ({ row }) => row.original.location ?? <span className="text-slate-400">—</span> },
    { id: "tags", header: "Tags", enableSorting: false, meta: { showFrom: "lg" }, cell: ({ row }) => <TagChips tags={row.original.tags} /> },
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
                  <DropdownMenu.Item onSelect={() => setOpen({ kind: "transfer", row: row.original })} className="cursor-pointer rounded-md px-3 py-1.5 text-sm outline-none data-[highlighted]:bg-slate-100">
                    Transfer
                  </DropdownMenu.Item>
                ) : null}
                {row.original.canTag ? (
                  <>
                    <DropdownMenu.Item onSelect={() => setOpen({ kind: "tag", row: row.original })} className="cursor-pointer rounded-md px-3 py-1.5 text-sm outline-none data-[highlighted]:bg-slate-100">
                      Apply tag
                    </DropdownMenu.Item>
                    <DropdownMenu.Item onSelect={() => setOpen({ kind: "untag", row: row.original })} className="cursor-pointer rounded-md px-3 py-1.5 text-sm outline-none data-[highlighted]:bg-slate-100">
                      Remove tag
                    </DropdownMenu.Item>
                  </>
                ) : null}
                {row.original.canDelete ? (
                  <DropdownMenu.Item onSelect={() => setOpen({ kind: "delete", row: row.original })} className="cursor-pointer rounded-md px-3 py-1.5 text-sm text-red-700 outline-none data-[highlighted]:bg-slate-100">
                    Delete
                  </DropdownMenu.Item>
                ) : null}
              </DropdownMenu.Content>
            </DropdownMenu.Portal>
          </DropdownMenu.Root>
        ) : null,
    },
  ];

  const totalLabel = countLabel(props.total, props.capped);

  return (
    <div className="space-y-4" data-hydrated={hydrated || undefined}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold tracking-tight">{view === "own" ? "My devices" : "Devices"}</h1>
      </div>
      <Toolbar
        action={
          props.canCreate ? (
            <Button className="ml-auto" onClick={() => setOpen({ kind: "add" })}>
              <span aria-hidden>+</span> Add device
            </Button>
          ) : null
        }
      >
        <SearchBox id="device-search" label="Search devices" placeholder="Search name or model" value={state.q} onSearch={(q) => update({ q })} />
        {props.tags.length ? <FacetedFilter label="Tags" options={props.tags.map((t) => ({ value: t.id, label: t.name }))} value={state.tag} onChange={(tag) => update({ tag })} /> : null}
        {view === "org" ? (
          <ScopeChips
            chips={[
              ...(props.canReach
                ? [
                    { label: "This organization", pressed: state.scope === "org" && !state.noowner, onClick: () => update({ scope: "org", noowner: false }) },
                    { label: "All in reach", pressed: state.scope === "reach" && !state.noowner, onClick: () => update({ scope: "reach", noowner: false }) },
                  ]
                : []),
              { label: "Without owner", pressed: state.noowner, onClick: () => update({ noowner: !state.noowner }) },
            ]}
          />
        ) : null}
      </Toolbar>
      <DataTable
        caption={view === "own" ? "My devices" : `Devices of ${orgName}`}
        columns={columns}
        data={rows}
        getRowId={(r) => r.id}
        sort={{ key: state.sort, dir: state.dir }}
        onSort={(id) => table.sortBy(id, "asc")}
        pending={pending}
        empty={
          <div className="text-sm text-slate-600">
            <p className="font-medium text-slate-900">{state.q || state.tag.length ? "No devices match these filters" : state.noowner ? "Every device here has an owner" : view === "own" ? "You don't own any devices yet" : `No devices in ${orgName} yet`}</p>
            {props.canCreate && !state.q && !state.noowner && !state.tag.length ? <p className="mt-1">Add the first one with “Add device”.</p> : null}
          </div>
        }
      />
      <Pagination
        summary={`${totalLabel} ${props.total === 1 ? "device" : "devices"} · page ${props.page} of ${props.pages}`}
        onPrev={props.page > 1 ? () => table.goTo({ page: props.page - 1 }) : null}
        onNext={props.page < props.pages ? () => table.goTo({ page: props.page + 1 }) : null}
        pending={pending}
      />

      {open?.kind === "add" ? <AddDeviceDialog orgId={orgId} orgName={orgName} onClose={() => setOpen(null)} /> : null}
      {open?.kind === "tag" ? <ApplyDeviceTagDialog orgId={orgId} deviceIds={[open.row.id]} onClose={() => setOpen(null)} /> : null}
      {open?.kind === "untag" ? <RemoveDeviceTagDialog orgId={orgId} deviceIds={[open.row.id]} onClose={() => setOpen(null)} /> : null}
      {open?.kind === "transfer" ? <TransferDeviceDialog orgId={orgId} device={open.row} orgs={orgs} onClose={() => setOpen(null)} /> : null}
      {open?.kind === "delete" ? (
        <ConfirmDeleteDialog
          count={1}
          name={open.row.name}
          noun="device"
          onClose={() => setOpen(null)}
          onConfirm={async () => {
            const result = await deleteDeviceAction({ orgId, deviceId: open.row.id, confirm: "DELETE" });
            if (!result.ok) return void toast.error(result.message);
            toast.success(`${open.row.name} deleted`);
            setOpen(null);
          }}
        />
      ) : null}
    </div>
  );
}
