"use client";

import { useMemo, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormActions } from "@/components/ui/form-actions";
import { Field, FormError, inputClass } from "@/components/ui/field";
import type { Permission } from "@/lib/policy/permissions";
import { grantChanges, toggleGrant, type GrantChange } from "@/lib/roles/draft";
import { updateGrantsAction } from "../actions";
import { CustomRoles } from "./custom-roles";

type Role = { key: string; name: string; builtin: boolean; members: number; grants: readonly Permission[] };
type Group = { label: string; permissions: { key: Permission; label: string; description: string }[] };
type Props = {
  orgId: string;
  orgName: string;
  roles: Role[];
  groups: Group[];
  canEdit: boolean;
  lockedReason: string | null;
  canPropagate: boolean;
  /** How many sub-organizations "every sub-organization" reaches (counted on the server). */
  subOrgCount: number;
  /** Business: add, rename and delete custom roles. */
  canManageRoles: boolean;
  maxRoles: number;
};

type Draft = Record<string, Set<Permission>>;
const draftOf = (roles: Role[]): Draft => Object.fromEntries(roles.map((r) => [r.key, new Set(r.grants)]));

/** One column per role, grouped permissions, read-only until Edit (product.md §6). */
export function RolesView({ orgId, orgName, roles, groups, canEdit, lockedReason, canPropagate, subOrgCount, canManageRoles, maxRoles }: Props) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<Draft>(() => draftOf(roles));
  const [query, setQuery] = useState("");
  const [applying, setApplying] = useState(false);

  const saved = useMemo(() => draftOf(roles), [roles]);
  const changes = grantChanges(roles.map((r) => ({ name: r.name, original: saved[r.key]!, next: draft[r.key]! })));
  const changedRoles = roles.filter((r) => changes.some((c) => c.role === r.name));
  const changedCells = changes.reduce((n, c) => n + c.gains.length + c.loses.length, 0);

  function toggle(role: string, permission: Permission, on: boolean) {
    setDraft((d) => ({ ...d, [role]: toggleGrant(saved[role]!, d[role]!, permission, on) }));
  }

  const q = query.trim().toLowerCase();
  const shown = groups
    .map((g) => ({ ...g, permissions: g.permissions.filter((p) => !q || p.label.toLowerCase().includes(q) || p.description.toLowerCase().includes(q)) }))
    .filter((g) => g.permissions.length);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Roles and permissions</h1>
          <p className="text-sm text-slate-500">What each role may do in {orgName}</p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <label htmlFor="permission-search" className="sr-only">
            Search permissions
          </label>
          <input id="permission-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Search permissions" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm" />
          {canManageRoles && !editing ? <CustomRoles orgId={orgId} roles={roles} maxRoles={maxRoles} /> : null}
          {canEdit && !editing ? <Button onClick={() => setEditing(true)}>Edit</Button> : null}
          {editing ? (
            <>
              <Button variant="secondary" onClick={() => toggle("user", "own_devices.view", true)} title="Grant the User role “View own devices”">
                Let Users see their own devices
              </Button>
              <Button
                variant="secondary"
                onClick={() => {
                  setDraft(draftOf(roles));
                  setEditing(false);
                }}
              >
                Cancel
              </Button>
              <span role="status" className="text-sm text-slate-600">
                {changedCells === 0 ? "No changes" : `${changedCells} ${changedCells === 1 ? "change" : "changes"}`}
              </span>
              <Button disabled={changedRoles.length === 0} onClick={() => setApplying(true)}>
                Apply
              </Button>
            </>
          ) : null}
        </div>
      </div>
      {lockedReason ? (
        <p role="note" className="rounded-lg border border-slate-200 bg-slate-50 px-4 py-3 text-sm text-slate-700">
          {lockedReason}.
        </p>
      ) : null}
      <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-xs">
        <table className="min-w-full text-sm">
          <caption className="sr-only">Permissions of each role in {orgName}</caption>
          <thead className="bg-slate-50">
            <tr>
              <th scope="col" className="px-4 py-3 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
                Permission
              </th>
              {roles.map((r) => (
                <th key={r.key} scope="col" className="px-4 py-3 text-center">
                  <span className="block font-semibold text-slate-900">{r.name}</span>
                  <span className="block text-xs font-normal text-slate-500">{r.members.toLocaleString("en")} {r.members === 1 ? "user" : "users"}</span>
                </th>
              ))}
            </tr>
          </thead>
          {shown.map((g) => (
            <tbody key={g.label} className="border-t border-slate-200">
              <tr>
                <th colSpan={roles.length + 1} scope="colgroup" className="bg-slate-50/60 px-4 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
                  {g.label}
                </th>
              </tr>
              {g.permissions.map((p) => (
                <tr key={p.key} className="border-t border-slate-100">
                  <th scope="row" className="px-4 py-2 text-left font-normal">
                    <span className="block text-slate-900">{p.label}</span>
                    <span className="block text-xs text-slate-500">{p.description}</span>
                  </th>
                  {roles.map((r) => {
                    const on = draft[r.key]!.has(p.key);
                    const changed = on !== saved[r.key]!.has(p.key);
                    const noteId = `change-${r.key}-${p.key}`;
                    return (
                      <td key={r.key} data-changed={changed || undefined} className={`px-4 py-2 text-center ${changed ? "bg-amber-50 ring-1 ring-inset ring-amber-300" : ""}`}>
                        <span className="inline-flex items-center gap-1.5">
                          <input
                            type="checkbox"
                            aria-label={`${r.name}: ${p.label}`}
                            aria-describedby={changed ? noteId : undefined}
                            checked={on}
                            disabled={!editing}
                            onChange={(e) => toggle(r.key, p.key, e.target.checked)}
                            className="h-4 w-4 accent-brand-600 disabled:cursor-not-allowed"
                          />
                          {changed ? <ChangeMark id={noteId} granted={on} /> : null}
                        </span>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </div>
      {applying ? (
        <ApplyDialog
          orgName={orgName}
          canPropagate={canPropagate}
          changes={changes}
          subOrgCount={subOrgCount}
          onClose={() => setApplying(false)}
          onApply={async (propagate, confirm) => {
            const result = await updateGrantsAction({ orgId, roles: changedRoles.map((r) => ({ role: r.key, grants: [...draft[r.key]!] })), propagate, ...(confirm ? { confirm } : {}) });
            if (!result.ok) return result.message;
            toast.success(`Permissions saved${propagate === "none" ? "" : " and pushed to every sub-organization"}`);
            setApplying(false);
            setEditing(false);
            return null;
          }}
        />
      ) : null}
    </div>
  );
}

/** A changed cell's mark: a glyph to see, and a description the checkbox is read with. */
function ChangeMark({ id, granted }: { id: string; granted: boolean }) {
  return (
    <>
      <span aria-hidden className={`w-3 text-xs font-bold ${granted ? "text-emerald-700" : "text-red-700"}`} title={granted ? "Will be granted" : "Will be removed"}>
        {granted ? "+" : "−"}
      </span>
      <span id={id} hidden>
        {granted ? "Changed: will be granted" : "Changed: will be removed"}
      </span>
    </>
  );
}

type Propagation = "none" | "changed" | "overwrite";

function ApplyDialog({ orgName, canPropagate, changes, subOrgCount, onClose, onApply }: { orgName: string; canPropagate: boolean; changes: GrantChange[]; subOrgCount: number; onClose: () => void; onApply: (propagate: Propagation, confirm: string) => Promise<string | null> }) {
  const [propagate, setPropagate] = useState<Propagation>("none");
  const [typed, setTyped] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const subOrgs = `${subOrgCount.toLocaleString("en")} ${subOrgCount === 1 ? "sub-organization" : "sub-organizations"}`;
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title="Apply the new permissions" description={`In ${orgName}. People with these roles feel them on their next click.`}>
      <form
        className="space-y-4"
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          setError(await onApply(propagate, typed));
          setBusy(false);
        }}
      >
        <ul aria-label="Changes" className="max-h-64 space-y-2 overflow-y-auto text-sm">
          {changes.map((c) => (
            <li key={c.role} className="space-y-1">
              {c.gains.length ? (
                <p>
                  <span className="font-medium text-emerald-800">{c.role} gains:</span> {c.gains.join(", ")}
                </p>
              ) : null}
              {c.loses.length ? (
                <p>
                  <span className="font-medium text-red-800">{c.role} loses:</span> {c.loses.join(", ")}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
        {canPropagate ? (
          <fieldset className="space-y-1.5 text-sm">
            <legend className="font-medium text-slate-700">Sub-organizations</legend>
            {(
              [
                ["none", `Only ${orgName}`],
                ["changed", `Also the ${subOrgs} below: only the permissions changed here`],
                ["overwrite", `Also the ${subOrgs} below: overwrite all their permissions with these`],
              ] as const
            ).map(([value, label]) => (
              <label key={value} className="flex items-center gap-2">
                <input type="radio" name="propagate" checked={propagate === value} onChange={() => setPropagate(value)} className="accent-brand-600" />
                {label}
              </label>
            ))}
          </fieldset>
        ) : null}
        {propagate !== "none" ? (
          <Field id="confirm-apply" label="Type APPLY to confirm">
            <input id="confirm-apply" autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)} className={inputClass} />
          </Field>
        ) : null}
        <FormError message={error} />
        <FormActions onCancel={onClose} busy={busy} busyLabel="Applying…" submitLabel="Apply" disabled={(propagate !== "none" && typed !== "APPLY")} />
      </form>
    </Dialog>
  );
}
