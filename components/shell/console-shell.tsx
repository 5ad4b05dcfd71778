import Link from "next/link";
import type { ReactNode } from "react";
import type { ActionResult } from "@/lib/action-result";
import type { NavItem } from "@/lib/orgs/nav";
import type { SwitcherOrg } from "@/lib/orgs/tree";
import { MobileNav } from "./mobile-nav";
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
      {/* Off screen until focused: the first Tab stop jumps past the nav. */}
      <a href="#main" className="fixed left-3 top-3 z-[60] -translate-y-24 rounded-full bg-white px-4 py-2 text-sm font-medium text-brand-700 shadow-lg ring-1 ring-slate-200 focus:translate-y-0">
        Skip to main content
      </a>
      {/* From md up; below it the header's menu button opens the same nav in a drawer. */}
      <aside className="hidden border-r border-slate-200 bg-white md:sticky md:top-0 md:block md:h-screen md:w-60 md:shrink-0">
        <div className="flex h-14 items-center gap-2 px-4">
          <span aria-hidden className="flex h-7 w-7 items-center justify-center rounded-md bg-brand-600 text-sm font-bold text-white">R</span>
          <Link href={homeHref} className="font-semibold tracking-tight">
            Roster
          </Link>
        </div>
        <nav aria-label="Main" className="flex flex-col gap-1 px-3">
          {nav.map((item) => (
            <NavLink key={item.href} href={item.href} exact={item.exact} section={item.section}>
              {item.label}
            </NavLink>
          ))}
        </nav>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex h-14 items-center justify-between gap-3 border-b border-slate-200 bg-white px-4 md:gap-4 md:px-8">
          <MobileNav nav={nav} homeHref={homeHref} />
          <OrgTrail trail={trail} switcher={switcher ? { ...switcher, listOrgs: actions.switcherOrgs } : null} />
          <div className="ml-auto shrink-0">
            <UserMenu {...user} logout={actions.logout} />
          </div>
        </header>
        <main id="main" tabIndex={-1} className="flex-1 px-4 py-6 md:px-8">{children}</main>
      </div>
    </div>
  );
}
