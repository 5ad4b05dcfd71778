import Link from "next/link";
import type { ReactNode } from "react";
import type { ActionResult } from "@/lib/action-result";
import type { NavItem } from "@/lib/orgs/nav";
import type { SwitcherOrg } from "@/lib/orgs/tree";
import type { TrailOrg } from "@/lib/orgs/trail";
import { NavLink } from "./nav-link";
import { OrgTrail } from "./org-trail";
import { UserMenu } from "./user-menu";

/** The server actions the frame calls, handed down by the routes that render it (components/ never imports app/). */
export type ShellActions = { logout: () => Promise<void>; switcherOrgs: () => Promise<ActionResult<SwitcherOrg[]>> };

type Props = {
  /** The orgs from the viewer's own down to the one shown (lib/orgs/trail.ts). */
  trail: TrailOrg[];
  /** Shown when the viewer may switch orgs; otherwise the header shows the org's name only. */
  switcher?: { ownOrgId: string; ownOrgName: string } | null;
  homeHref: string;
  nav: NavItem[];
  user: { name: string; email: string; roleLabel: string };
  actions: ShellActions;
  children: ReactNode;
};

export function ConsoleShell({ trail, switcher, homeHref, nav, user, actions, children }: Props) {
  return (
    <div className="flex min-h-screen flex-col md:flex-row">
      <aside className="border-b border-slate-200 bg-white md:sticky md:top-0 md:h-screen md:w-60 md:shrink-0 md:border-b-0 md:border-r">
        <div className="flex h-14 items-center gap-2 px-4">
          <span aria-hidden className="flex h-7 w-7 items-center justify-center rounded-md bg-brand-600 text-sm font-bold text-white">R</span>
          <Link href={homeHref} className="font-semibold tracking-tight">
            Roster
          </Link>
        </div>
        <nav aria-label="Main" className="flex gap-1 overflow-x-auto px-3 pb-3 md:flex-col md:pb-0">
          {nav.map((item) => (
            <NavLink key={item.href} href={item.href} exact={item.exact}>
              {item.label}
            </NavLink>
          ))}
        </nav>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex h-14 items-center justify-between gap-4 border-b border-slate-200 bg-white px-4 md:px-8">
          <OrgTrail trail={trail} switcher={switcher ? { ...switcher, listOrgs: actions.switcherOrgs } : null} />
          <UserMenu {...user} logout={actions.logout} />
        </header>
        <main className="flex-1 px-4 py-6 md:px-8">{children}</main>
      </div>
    </div>
  );
}
