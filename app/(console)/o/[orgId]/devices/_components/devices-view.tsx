"use client";

import { useState } from "react";
import { toast } from "sonner";
import { DataTable } from "@/components/data-table/data-table";
import { Pagination } from "@/components/data-table/pagination";
import { ScopeChips } from "@/components/data-table/scope-chips";
import { SearchBox } from "@/components/data-table/search-box";
import { SelectionBar, type SelectionAction } from "@/components/data-table/selection-bar";
import { Toolbar } from "@/components/data-table/toolbar";
import { useDataTable } from "@/components/data-table/use-data-table";
import { useRowSelection } from "@/components/data-table/use-row-selection";
import { FacetedFilter } from "@/components/data-table/faceted-filter";
import { optionLabel, type LocationOption } from "@/components/forms/location-option";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/action-result";
import type { BulkResult, Outcome } from "@/lib/commands/bulk";
import { countLabel } from "@/lib/format/count";
import type { DeviceFilters, DeviceRow } from "@/lib/devices/list";
import { DEVICES_PAGING, devicesList } from "@/lib/table/devices";
import type { OrgOption } from "@/lib/users/page-data";
import { reportBulk } from "../../users/_components/run-action";
import { deleteDeviceAction, deleteDevicesAction } from "../actions";
import { AddDeviceDialog } from "./add-device-dialog";
import { devicesColumns } from "./devices-columns";
import { TransferDeviceDialog } from "./transfer-device-dialog";
import { ConfirmDeleteDialog } from "@/components/dialogs/confirm-delete-dialog";
import type { ChipTag } from "@/components/tags/tag-chip";
import { ApplyDeviceTagDialog, RemoveDeviceTagDialog } from "./device-tag-dialogs";
import { SetDeviceLocationDialog } from "./set-device-location-dialog";

export type DeviceTableRow = Omit<DeviceRow, "createdAt"> & { created: string; canTransfer: boolean; canDelete: boolean; canTag: boolean };

/** Which bulk actions the viewer may use here (the policy, asked by the page). */
export type DeviceBulkPermissions = { delete: boolean; location: boolean; tag: boolean };

type Props = {
  orgId: string;
  orgName: string;
  view: "org" | "own";
  rows: DeviceTableRow[];
  total: number;
  capped: boolean;
  page: number;
  pages: number;
  /** The filters the rows were read with: a selection belongs to them. */
  filters: DeviceFilters;
  orgs: OrgOption[];
  canCreate: boolean;
  canReach: boolean;
  bulk: DeviceBulkPermissions;
  /** The locations usable here (own and inherited), for the filter and Add device; empty for a viewer who may not see them. */
  locations: LocationOption[];
  /** The tenant's tags, for the tag filter. */
  tags: ChipTag[];
};

type BulkAction = "location" | "tag" | "untag" | "delete";
type Open =
  | { kind: "add" }
  | { kind: "transfer" | "delete" | "tag" | "untag"; row: DeviceTableRow }
  | { kind: "bulk-location" | "bulk-tag" | "bulk-untag" | "bulk-delete"; ids: string[] }
  | null;

export function DevicesView(props: Props) {
  const { orgId, orgName, view, rows, orgs, bulk } = props;
  const table = useDataTable(devicesList.url, DEVICES_PAGING);
  const { state, update, pending, hydrated } = table;
  const [open, setOpen] = useState<Open>(null);
  const rowSelection = useRowSelection(
    JSON.stringify(props.filters),
    rows.map((r) => r.id),
  );
  const { ids: selectedIds, clear } = rowSelection;

  // The bar's actions, in order; each opens its dialog in onBulk. Bulk device commands take the
  // ids ticked, never "all matching".
  const bulkActions: (SelectionAction<BulkAction> & { show: boolean })[] = [
    { key: "location", label: "Set location", short: "Location", icon: "pin", show: bulk.location && props.locations.length > 0 },
    { key: "tag", label: "Apply tag", short: "Tag", icon: "tag", show: bulk.tag },
    { key: "untag", label: "Remove tag", short: "Untag", icon: "untag", show: bulk.tag },
    { key: "delete", label: "Delete", short: "Delete", icon: "trash", show: bulk.delete, danger: true },
  ];
  const usable = bulkActions.filter((a) => a.show);

  function onBulk(action: BulkAction) {
    setOpen({ kind: `bulk-${action}`, ids: selectedIds });
  }
  /** After a bulk dialog changed something: the ticks go, as after the users table's. */
  const done = () => {
    clear();
    setOpen(null);
  };

  async function runBulk<I>(action: (input: I & { orgId: string }) => Promise<ActionResult<BulkResult>>, input: I, outcome: Outcome) {
    // The rows on screen name a single row's result ("Boiler deleted").
    if (reportBulk(await action({ orgId, ...input }), outcome, rows.map((r) => ({ id: r.id, name: r.name, email: "" })))) {
      clear();
      setOpen(null);
    }
  }

  const columns = devicesColumns({
    orgId,
    view,
    showOrg: state.scope === "reach",
    selection: usable.length ? rowSelection : null,
    onRow: (kind, row) => setOpen({ kind, row }),
  });

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
        {props.locations.length ? <FacetedFilter label="Location" options={props.locations.map((l) => ({ value: l.id, label: optionLabel(l) }))} value={state.loc} onChange={(loc) => update({ loc })} /> : null}
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
        selection={rowSelection.selected}
        pending={pending}
        empty={
          <div className="text-sm text-slate-600">
            <p className="font-medium text-slate-900">{state.q || state.loc.length || state.tag.length ? "No devices match these filters" : state.noowner ? "Every device here has an owner" : view === "own" ? "You don't own any devices yet" : `No devices in ${orgName} yet`}</p>
            {props.canCreate && !state.q && !state.noowner && !state.loc.length && !state.tag.length ? <p className="mt-1">Add the first one with “Add device”.</p> : null}
          </div>
        }
      />
      <Pagination
        summary={`${totalLabel} ${props.total === 1 ? "device" : "devices"} · page ${props.page} of ${props.pages}`}
        onPrev={props.page > 1 ? () => table.goTo({ page: props.page - 1 }) : null}
        onNext={props.page < props.pages ? () => table.goTo({ page: props.page + 1 }) : null}
        pending={pending}
      />

      {selectedIds.length > 0 ? (
        <SelectionBar count={selectedIds.length} total={props.total} capped={props.capped} allMatching={false} actions={usable} onClear={clear} onAction={onBulk} />
      ) : null}

      {open?.kind === "add" ? <AddDeviceDialog orgId={orgId} orgName={orgName} locations={props.locations} onClose={() => setOpen(null)} /> : null}
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
      {open?.kind === "tag" ? <ApplyDeviceTagDialog orgId={orgId} deviceIds={[open.row.id]} onClose={() => setOpen(null)} /> : null}
      {open?.kind === "untag" ? <RemoveDeviceTagDialog orgId={orgId} deviceIds={[open.row.id]} onClose={() => setOpen(null)} /> : null}
      {open?.kind === "bulk-location" ? <SetDeviceLocationDialog orgId={orgId} deviceIds={open.ids} onClose={() => setOpen(null)} onDone={done} /> : null}
      {open?.kind === "bulk-tag" ? <ApplyDeviceTagDialog orgId={orgId} deviceIds={open.ids} onClose={() => setOpen(null)} onDone={done} /> : null}
      {open?.kind === "bulk-untag" ? <RemoveDeviceTagDialog orgId={orgId} deviceIds={open.ids} onClose={() => setOpen(null)} onDone={done} /> : null}
      {open?.kind === "bulk-delete" ? (
        <ConfirmDeleteDialog count={open.ids.length} noun="device" onClose={() => setOpen(null)} onConfirm={() => runBulk(deleteDevicesAction, { deviceIds: open.ids, confirm: "DELETE" as const }, { verb: "deleted" })} />
      ) : null}
    </div>
  );
}
