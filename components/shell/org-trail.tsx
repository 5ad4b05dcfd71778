"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ActionResult } from "@/lib/action-result";
import { pathInOrg } from "@/lib/orgs/path-in-org";
import type { SwitcherOrg } from "@/lib/orgs/tree";
import type { TrailOrg } from "@/lib/orgs/trail";
import { OrgSwitcher } from "./org-switcher";

type Props = {
  /** From the viewer's own org down to the one shown (lib/orgs/trail.ts). */
  trail: TrailOrg[];
  /** Offered when the viewer may switch orgs and the plan can have sub-orgs; otherwise the current org is plain text. */
  switcher: { ownOrgId: string; ownOrgName: string; listOrgs: () => Promise<ActionResult<SwitcherOrg[]>> } | null;
};

/** The header's one "where am I" line: Acme Heating › United Heaters Inc. › Marsh Residence, each name once. */
export function OrgTrail({ trail, switcher }: Props) {
  const pathname = usePathname();
  const current = trail[trail.length - 1]!;
  const above = trail.slice(0, -1);
  return (
    <nav aria-label="Organization" className="min-w-0">
      <ol className="flex min-w-0 items-center gap-1 text-sm">
        {above.map((o, i) => (
          // On a narrow screen only the parent stays: the line must not push the account menu away.
          <li key={o.id} className={`min-w-0 items-center gap-1 ${i === above.length - 1 ? "flex" : "hidden sm:flex"}`}>
            <Link href={pathInOrg(pathname, o.id)} className="max-w-[12rem] truncate rounded text-slate-500 hover:text-slate-900 hover:underline">
              {o.name}
            </Link>
            <span aria-hidden className="text-slate-400">
              ›
            </span>
          </li>
        ))}
        <li className="min-w-0">
          {switcher ? (
            <OrgSwitcher currentOrgId={current.id} currentOrgName={current.name} ownOrgId={switcher.ownOrgId} ownOrgName={switcher.ownOrgName} listOrgs={switcher.listOrgs} />
          ) : (
            <span className="block truncate font-semibold text-slate-900" data-testid="current-org">
              {current.name}
            </span>
          )}
        </li>
      </ol>
    </nav>
  );
}
