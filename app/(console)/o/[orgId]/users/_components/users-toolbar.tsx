"use client";

import { useState, type ReactNode } from "react";
import { FacetedFilter } from "@/components/data-table/faceted-filter";
import { ScopeChips } from "@/components/data-table/scope-chips";
import { SearchBox } from "@/components/data-table/search-box";
import { Toolbar } from "@/components/data-table/toolbar";
import { optionLabel, type LocationOption } from "@/components/forms/location-option";
import { Button } from "@/components/ui/button";
import { isFiltered, USER_STATUS_LABELS, USER_STATUSES, type UserFilters } from "@/lib/users/filters";
import type { RoleOption } from "@/lib/users/page-data";
import type { ChipTag } from "@/components/tags/tag-chip";
import type { UsersTable } from "./use-users-table";

type Props = {
  table: UsersTable;
  filters: UserFilters;
  roles: RoleOption[];
  locations: readonly LocationOption[];
  tags: ChipTag[];
  canReach: boolean;
  canInvite: boolean;
  onInvite: () => void;
  columnMenu: ReactNode;
};

/** The users list's search, role, status, location and tag filters, scope chips and "Invite user". */
export function UsersToolbar({ table, filters, roles, locations, tags, canReach, canInvite, onInvite, columnMenu }: Props) {
  // The URL state updates at once; `filters` is what the server last applied.
  const { state, update } = table;
  // Reset also clears what is typed and not sent yet (the URL's search may already be empty):
  // the box starts afresh.
  const [resets, setResets] = useState(0);
  // Reset clears the filters and keeps the scope: which orgs are listed is a place, not a filter.
  const filtered = isFiltered(filters);
  const scope = (value: UserFilters["scope"]) => ({ pressed: filters.scope === value && !filters.noDevices, onClick: () => update({ scope: value, nodev: false }) });

  return (
    <Toolbar
      action={
        <div className="ml-auto flex gap-2">
          {columnMenu}
          {canInvite ? (
            <Button onClick={onInvite}>
              <span aria-hidden>+</span> Invite user
            </Button>
          ) : null}
        </div>
      }
      below={
        <ScopeChips
          wrap
          chips={[
            { label: "This organization", ...scope("org") },
            ...(canReach ? [{ label: "All in reach", ...scope("reach") }] : []),
            { label: "With no devices", pressed: filters.noDevices, onClick: () => update({ nodev: !filters.noDevices }) },
          ]}
        />
      }
    >
      <SearchBox key={resets} id="user-search" label="Search users by name or email" placeholder="Search name or email" icon value={state.q} onSearch={(q) => update({ q })} />
      <FacetedFilter label="Role" options={roles.map((r) => ({ value: r.key, label: r.name }))} value={state.role} onChange={(role) => update({ role })} />
      <FacetedFilter
        label="Status"
        options={USER_STATUSES.map((s) => ({ value: s, label: USER_STATUS_LABELS[s] }))}
        value={state.status}
        onChange={(status) => update({ status: status as UserFilters["statuses"] })}
      />
      {locations.length ? <FacetedFilter label="Location" options={locations.map((l) => ({ value: l.id, label: optionLabel(l) }))} value={state.loc} onChange={(loc) => update({ loc })} /> : null}
      {tags.length ? <FacetedFilter label="Tags" options={tags.map((t) => ({ value: t.id, label: t.name }))} value={state.tag} onChange={(tag) => update({ tag })} /> : null}
      {filtered ? (
        <Button variant="ghost" size="sm" onClick={() => {
            setResets((n) => n + 1);
            update({ q: "", role: [], status: [], nodev: false, loc: [], tag: [] });
          }}>
          Reset
        </Button>
      ) : null}
    </Toolbar>
  );
}
