"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import Link from "next/link";
import { useId, useMemo, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { inclSubOrgsText, MEMBERS_LABEL } from "@/lib/orgs/counts";
import { initiallyFolded, parentIds, visibleRows } from "@/lib/orgs/tree-view";
import { ConfirmDeleteDialog } from "@/components/dialogs/confirm-delete-dialog";
import { deleteOrgAction } from "../actions";
import { CreateOrgDialog } from "./create-org-dialog";
import { EditOrgDialog } from "./edit-org-dialog";

export type OrgTableRow = {
  id: string;
  name: string;
  description: string;
  type: string;
  depth: number;
  canCreateSubOrgs: boolean;
  /** The org's own people and devices, then the same including every org below. */
  members: number;
  devices: number;
  membersWithSubOrgs: number;
  devicesWithSubOrgs: number;
  canSwitch: boolean;
  canEdit: boolean;
  canDelete: boolean;
  /** Why Delete is shown disabled (what the org still holds), or null. */
  deleteRefusal: string | null;
  canAddChild: boolean;
  addChildRefusal: string | null;
};

type Props = { orgId: string; orgName: string; rows: OrgTableRow[]; orgTypes: { value: string; label: string }[]; planLabel: string };

export function OrgsView({ orgId, orgName, rows, orgTypes, planLabel }: Props) {
  const [open, setOpen] = useState<{ kind: "create" | "edit" | "delete"; row: OrgTableRow } | null>(null);
  const minDepth = Math.min(...rows.map((r) => r.depth));
  const first = rows[0];
  // A tenant of two thousand orgs opens at its first level; rendering every row took most of a second.
  const [folded, setFolded] = useState(() => initiallyFolded(rows));
  const parents = useMemo(() => parentIds(rows), [rows]);
  const shown = useMemo(() => visibleRows(rows, folded), [rows, folded]);
  const toggle = (id: string) =>
    setFolded((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Organizations</h1>
          <p className="text-sm text-slate-500">{orgName} and everything below it</p>
        </div>
        {first?.canAddChild ? (
          <Button onClick={() => setOpen({ kind: "create", row: first })}>
            <span aria-hidden>+</span> Create sub-organization
          </Button>
        ) : first?.addChildRefusal ? (
          <p className="max-w-sm text-right text-sm text-slate-500">{first.addChildRefusal}</p>
        ) : null}
      </div>
      {parents.size > 1 ? (
        <div className="flex items-center gap-2 text-sm">
          <span className="text-slate-500">
            {shown.length === rows.length ? `${rows.length.toLocaleString("en")} organizations` : `Showing ${shown.length.toLocaleString("en")} of ${rows.length.toLocaleString("en")} organizations`}
          </span>
          <Button variant="ghost" size="sm" onClick={() => setFolded(new Set())} disabled={![...folded].some((id) => parents.has(id))}>
            Expand all
          </Button>
          <Button variant="ghost" size="sm" onClick={() => setFolded(new Set([...parents].filter((id) => id !== first?.id)))}>
            Collapse all
          </Button>
        </div>
      ) : null}
      <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-xs">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">Organizations in reach, as a tree</caption>
          <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-3 py-2.5">Organization</th>
              <th scope="col" className="px-3 py-2.5">Type</th>
              <th scope="col" className="px-3 py-2.5 text-right">{MEMBERS_LABEL}</th>
              <th scope="col" className="px-3 py-2.5 text-right">Devices</th>
              <th scope="col" className="px-3 py-2.5"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {shown.map((r) => (
              <tr key={r.id} className="hover:bg-slate-50">
                <td className="px-3 py-2.5" style={{ paddingLeft: `${0.75 + (r.depth - minDepth) * 1.5}rem` }}>
                  <span className="inline-flex items-center font-medium text-slate-900">
                    {parents.has(r.id) ? (
                      <button
                        type="button"
                        onClick={() => toggle(r.id)}
                        aria-expanded={!folded.has(r.id)}
                        aria-label={`Sub-organizations of ${r.name}`}
                        className="mr-1 flex h-6 w-6 items-center justify-center rounded text-slate-500 hover:bg-slate-100"
                      >
                        <span aria-hidden className={`inline-block transition-transform ${folded.has(r.id) ? "" : "rotate-90"}`}>▸</span>
                      </button>
                    ) : (
                      <span aria-hidden className="mr-1 inline-block w-6 text-center text-slate-300">{r.depth > minDepth ? "└" : ""}</span>
                    )}
                    {r.name}
                  </span>
                  {r.description ? <span className="block max-w-md truncate text-xs text-slate-500">{r.description}</span> : null}
                </td>
                <td className="whitespace-nowrap px-3 py-2.5 text-slate-600">{r.type}</td>
                <CountCell own={r.members} withSubOrgs={parents.has(r.id) ? r.membersWithSubOrgs : null} />
                <CountCell own={r.devices} withSubOrgs={parents.has(r.id) ? r.devicesWithSubOrgs : null} />
                <td className="whitespace-nowrap px-3 py-2.5 text-right">
                  {r.canSwitch && r.id !== orgId ? (
                    <Link href={`/o/${r.id}/organizations`} className="mr-2 rounded-md px-2 py-1 text-sm font-medium text-brand-700 hover:bg-brand-50">
                      Switch to
                    </Link>
                  ) : null}
                  {r.canAddChild || r.canEdit || r.canDelete ? (
                    <DropdownMenu.Root>
                      <DropdownMenu.Trigger aria-label={`Actions for ${r.name}`} className="rounded-md px-2 py-1 text-lg leading-none text-slate-500 hover:bg-slate-100">
                        ⋯
                      </DropdownMenu.Trigger>
                      <DropdownMenu.Portal>
                        <DropdownMenu.Content align="end" sideOffset={4} className="z-50 min-w-48 rounded-lg border border-slate-200 bg-white p-1 shadow-lg">
                          {r.canAddChild ? <MenuItem onSelect={() => setOpen({ kind: "create", row: r })}>Add sub-organization</MenuItem> : null}
                          {r.canEdit ? <MenuItem onSelect={() => setOpen({ kind: "edit", row: r })}>Edit</MenuItem> : null}
                          {r.canDelete ? (
                            <MenuItem danger refusal={r.deleteRefusal} onSelect={() => setOpen({ kind: "delete", row: r })}>
                              Delete
                            </MenuItem>
                          ) : null}
                        </DropdownMenu.Content>
                      </DropdownMenu.Portal>
                    </DropdownMenu.Root>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {open?.kind === "create" ? <CreateOrgDialog orgId={orgId} parent={open.row} orgTypes={orgTypes} planLabel={planLabel} onClose={() => setOpen(null)} /> : null}
      {open?.kind === "edit" ? <EditOrgDialog orgId={orgId} org={open.row} onClose={() => setOpen(null)} /> : null}
      {open?.kind === "delete" ? (
        <ConfirmDeleteDialog
          count={1}
          name={open.row.name}
          noun="organization"
          onClose={() => setOpen(null)}
          onConfirm={async () => {
            const result = await deleteOrgAction({ orgId, targetOrgId: open.row.id, confirm: "DELETE" });
            if (!result.ok) return result.message;
            toast.success(`${open.row.name} deleted`);
            setOpen(null);
          }}
        />
      ) : null}
    </div>
  );
}

/** An org's own figure; under it, for an org with sub-orgs, the figure including them. */
function CountCell({ own, withSubOrgs }: { own: number; withSubOrgs: number | null }) {
  return (
    <td className="whitespace-nowrap px-3 py-2.5 text-right tabular-nums">
      {own.toLocaleString("en")}
      {withSubOrgs !== null ? <span className="block text-xs text-slate-500">{inclSubOrgsText(withSubOrgs)}</span> : null}
    </td>
  );
}

/** A menu entry; with a `refusal` it is disabled, the reason its tooltip and accessible description. */
function MenuItem({ children, onSelect, danger, refusal }: { children: React.ReactNode; onSelect: () => void; danger?: boolean; refusal?: string | null }) {
  const reasonId = useId();
  return (
    <>
      <DropdownMenu.Item
        onSelect={onSelect}
        disabled={!!refusal}
        title={refusal ?? undefined}
        aria-describedby={refusal ? reasonId : undefined}
        className={`cursor-pointer rounded-md px-3 py-1.5 text-sm outline-none data-[disabled]:cursor-not-allowed data-[disabled]:text-slate-400 data-[highlighted]:bg-slate-100 ${danger ? "text-red-700" : "text-slate-700"}`}
      >
        {children}
      </DropdownMenu.Item>
      {refusal ? (
        <span id={reasonId} className="sr-only">
          {refusal}
        </span>
      ) : null}
    </>
  );
}
