"use client";

import * as RadixDialog from "@radix-ui/react-dialog";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";
import { Icon } from "@/components/ui/icons";
import type { NavItem } from "@/lib/orgs/nav";
import { NavLink } from "./nav-link";

/**
 * Below md the sidebar gives way to a menu button and a drawer holding the same nav (Radix
 * Dialog: focus trap, Escape, focus back on the button). Following a link closes it.
 */
export function MobileNav({ nav, homeHref }: { nav: NavItem[]; homeHref: string }) {
  const pathname = usePathname();
  // Open only on the page it was opened on: a navigation (a link, Back) closes it without an effect.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const close = () => setOpenOn(null);
  return (
    <RadixDialog.Root open={open} onOpenChange={(next) => setOpenOn(next ? pathname : null)}>
      <RadixDialog.Trigger aria-label="Open navigation" className="-ml-1.5 shrink-0 rounded-md p-1.5 text-slate-600 hover:bg-slate-100 hover:text-slate-900 md:hidden">
        <Icon name="menu" className="h-6 w-6" />
      </RadixDialog.Trigger>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40 md:hidden" />
        <RadixDialog.Content className="fixed inset-y-0 left-0 z-50 flex w-72 max-w-[85vw] flex-col overflow-y-auto bg-white shadow-xl focus:outline-none md:hidden">
          <div className="flex h-14 shrink-0 items-center justify-between gap-2 border-b border-slate-200 px-4">
            <RadixDialog.Title asChild>
              <Link href={homeHref} onClick={close} className="flex items-center gap-2 font-semibold tracking-tight">
                <span aria-hidden className="flex h-7 w-7 items-center justify-center rounded-md bg-brand-600 text-sm font-bold text-white">R</span>
                Roster
              </Link>
            </RadixDialog.Title>
            <RadixDialog.Close aria-label="Close navigation" className="rounded p-1 text-slate-400 hover:bg-slate-100 hover:text-slate-700">
              <Icon name="close" className="h-5 w-5" />
            </RadixDialog.Close>
          </div>
          <RadixDialog.Description className="sr-only">The console&apos;s pages</RadixDialog.Description>
          {/* A click on the current page's link changes no path: it closes the drawer too. */}
          <nav aria-label="Main" className="flex flex-col gap-1 p-3" onClick={(e) => (e.target as HTMLElement).closest("a") && close()}>
            {nav.map((item) => (
              <NavLink key={item.href} href={item.href} exact={item.exact} section={item.section}>
                {item.label}
              </NavLink>
            ))}
          </nav>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
