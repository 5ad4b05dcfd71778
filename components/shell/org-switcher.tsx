"use client";

import * as Popover from "@radix-ui/react-popover";
import { usePathname, useRouter } from "next/navigation";
import { useId, useMemo, useState } from "react";
import type { ActionResult } from "@/lib/action-result";
import { membersText } from "@/lib/orgs/counts";
import { pathInOrg } from "@/lib/orgs/path-in-org";
import type { SwitcherOrg } from "@/lib/orgs/tree";
import { ChevronDown } from "@/components/ui/chevron-down";

type Props = { currentOrgId: string; currentOrgName: string; ownOrgId: string; ownOrgName: string; listOrgs: () => Promise<ActionResult<SwitcherOrg[]>> };

/**
 * A searchable tree of the orgs the viewer may switch into, as a keyboard-operable combobox
 * (type to filter, arrows to move, Enter to go, Escape to close).
 */
export function OrgSwitcher({ currentOrgId, currentOrgName, ownOrgId, ownOrgName, listOrgs }: Props) {
  const router = useRouter();
  const pathname = usePathname();
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [orgs, setOrgs] = useState<SwitcherOrg[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);

  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    return (orgs ?? []).filter((o) => !q || o.name.toLowerCase().includes(q));
  }, [orgs, query]);
  const minDepth = Math.min(...(orgs ?? []).map((o) => o.depth));

  function onOpenChange(next: boolean) {
    setOpen(next);
    if (next) {
      setQuery("");
      setActive(0);
      // Loaded when opened: counting users per org is not worth doing on every page view.
      void listOrgs().then((r) => (r.ok ? setOrgs(r.data) : setError(r.message)));
    }
  }

  function go(org: SwitcherOrg | undefined) {
    if (!org) return;
    setOpen(false);
    router.push(pathname.startsWith("/o/") ? pathInOrg(pathname, org.id) : `/o/${org.id}`);
  }

  return (
    <Popover.Root open={open} onOpenChange={onOpenChange}>
      <Popover.Trigger aria-label={`Switch organization (current: ${currentOrgName})`} className="group -mx-1.5 flex w-max max-w-[20rem] items-center gap-1 rounded-md px-1.5 py-0.5 text-left hover:bg-slate-100 data-[state=open]:bg-slate-100">
        <span className="truncate text-sm font-semibold text-slate-900" data-testid="current-org">
          {currentOrgName}
        </span>
        <ChevronDown className="h-4 w-4 shrink-0 text-slate-400" />
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content align="start" sideOffset={6} className="z-50 w-80 rounded-lg border border-slate-200 bg-white p-2 shadow-lg">
          <input
            autoFocus
            role="combobox"
            aria-label="Search organizations"
            aria-expanded
            aria-controls={listId}
            aria-activedescendant={shown[active] ? `${listId}-${shown[active].id}` : undefined}
            value={query}
            placeholder="Search organizations"
            onChange={(e) => {
              setQuery(e.target.value);
              setActive(0);
            }}
            onKeyDown={(e) => {
              if (e.key === "ArrowDown") setActive((i) => Math.min(i + 1, shown.length - 1));
              else if (e.key === "ArrowUp") setActive((i) => Math.max(i - 1, 0));
              else if (e.key === "Enter") go(shown[active]);
              else return;
              e.preventDefault();
            }}
            className="block w-full rounded-md border border-slate-300 px-2.5 py-1.5 text-sm"
          />
          {currentOrgId !== ownOrgId ? (
            <button type="button" onClick={() => go({ id: ownOrgId, name: ownOrgName, type: "", depth: 0, users: 0, own: true })} className="mt-2 w-full rounded-md px-2.5 py-1.5 text-left text-sm font-medium text-brand-700 hover:bg-brand-50">
              ← Back to {ownOrgName}
            </button>
          ) : null}
          <ul id={listId} role="listbox" aria-label="Organizations" className="mt-2 max-h-80 overflow-y-auto">
            {error ? <li className="px-2.5 py-2 text-sm text-red-700">{error}</li> : null}
            {!orgs && !error ? <li className="px-2.5 py-2 text-sm text-slate-500">Loading…</li> : null}
            {orgs && shown.length === 0 ? <li className="px-2.5 py-2 text-sm text-slate-500">No organization matches “{query}”.</li> : null}
            {shown.map((o, i) => (
              <li
                key={o.id}
                id={`${listId}-${o.id}`}
                role="option"
                aria-selected={i === active}
                onMouseEnter={() => setActive(i)}
                onClick={() => go(o)}
                className={`flex cursor-pointer items-center justify-between gap-2 rounded-md py-1.5 pr-2.5 text-sm ${i === active ? "bg-slate-100" : ""}`}
                style={{ paddingLeft: `${0.625 + (query ? 0 : (o.depth - minDepth) * 0.875)}rem` }}
              >
                <span className="min-w-0">
                  <span className={`block truncate ${o.id === currentOrgId ? "font-semibold text-brand-700" : "text-slate-900"}`}>{o.name}</span>
                  <span className="block text-xs text-slate-500">
                    {o.type}
                    {o.own ? " · your organization" : ""}
                  </span>
                </span>
                <span className="shrink-0 text-xs tabular-nums text-slate-500">{membersText(o.users)}</span>
              </li>
            ))}
          </ul>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
