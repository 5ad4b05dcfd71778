"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { MultiSelect } from "@/components/ui/multi-select";
import { STATUS_LABELS } from "@/components/ui/status-badge";
import { USER_STATUSES, type UserFilters } from "@/lib/users/filters";
import type { RoleOption } from "@/lib/users/page-data";
import { useUsersUrl } from "./use-users-url";

const SEARCH_DEBOUNCE_MS = 300;

type Props = { filters: UserFilters; roles: RoleOption[]; canReach: boolean; canInvite: boolean; onInvite: () => void };

export function UsersToolbar({ filters, roles, canReach, canInvite, onInvite }: Props) {
  // The URL state updates at once; `filters` is what the server last applied.
  const { state, update } = useUsersUrl();
  const [search, setSearch] = useState(state.q);
  // The box follows the URL's search when it changes from elsewhere (Back, Forward, Reset): the
  // search it sent itself already matches, so typing is never overwritten. Compared with the
  // URL, not with what the server last applied, so a search is sent once and Back stays back.
  const [urlSearch, setUrlSearch] = useState(state.q);
  if (urlSearch !== state.q) {
    setUrlSearch(state.q);
    if (state.q !== search.trim()) setSearch(state.q);
  }

  // Debounced: the server runs one query when typing pauses, not one per key.
  useEffect(() => {
    const q = search.trim();
    if (q === state.q) return;
    const timer = setTimeout(() => update({ q }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [search, state.q, update]);

  const filtered = filters.q !== "" || filters.roles.length > 0 || filters.statuses.length > 0 || filters.noDevices || filters.scope !== "org";
  const chip = (active: boolean) =>
    `rounded-full px-3 py-1 text-sm font-medium ring-1 ring-inset focus-visible:outline-2 focus-visible:outline-brand-600 ${active ? "bg-brand-600 text-white ring-brand-600" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50"}`;

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2">
        <div className="relative min-w-56 flex-1 sm:max-w-xs">
          <label htmlFor="user-search" className="sr-only">
            Search users by name or email
          </label>
          <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="pointer-events-none absolute left-2.5 top-2.5 h-4 w-4 text-slate-400">
            <path d="M9 3.5a5.5 5.5 0 1 0 3.4 9.83l3.14 3.13a.75.75 0 1 0 1.06-1.06l-3.13-3.14A5.5 5.5 0 0 0 9 3.5ZM5 9a4 4 0 1 1 8 0 4 4 0 0 1-8 0Z" />
          </svg>
          <input
            id="user-search"
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder="Search name or email"
            maxLength={100}
            className="block w-full rounded-md border border-slate-300 py-1.5 pl-8 pr-3 text-sm shadow-xs focus:border-brand-500"
          />
        </div>
        <MultiSelect label="Role" options={roles.map((r) => ({ value: r.key, label: r.name }))} value={state.role} onChange={(role) => update({ role })} />
        <MultiSelect
          label="Status"
          options={USER_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
          value={state.status}
          onChange={(status) => update({ status: status as UserFilters["statuses"] })}
        />
        {filtered ? (
          <Button
            variant="ghost"
            size="sm"
            onClick={() => {
              // Also what is typed and not sent yet: the URL's search may already be empty.
              setSearch("");
              update({ q: "", role: [], status: [], scope: "org", nodev: false });
            }}
          >
            Reset
          </Button>
        ) : null}
        <div className="ml-auto">
          {canInvite ? (
            <Button onClick={onInvite}>
              <span aria-hidden>+</span> Invite user
            </Button>
          ) : null}
        </div>
      </div>
      <div role="group" aria-label="Scope" className="flex flex-wrap gap-2">
        <button type="button" aria-pressed={filters.scope === "org" && !filters.noDevices} className={chip(filters.scope === "org" && !filters.noDevices)} onClick={() => update({ scope: "org", nodev: false })}>
          This organization
        </button>
        {canReach ? (
          <button type="button" aria-pressed={filters.scope === "reach" && !filters.noDevices} className={chip(filters.scope === "reach" && !filters.noDevices)} onClick={() => update({ scope: "reach", nodev: false })}>
            All in reach
          </button>
        ) : null}
        <button type="button" aria-pressed={filters.noDevices} className={chip(filters.noDevices)} onClick={() => update({ nodev: !filters.noDevices })}>
          With no devices
        </button>
      </div>
    </div>
  );
}
