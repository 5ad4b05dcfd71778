"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

/** Whether the page at `pathname` is the link's: its own path (exact), or any below it or below `section`. */
export function isCurrent(pathname: string, href: string, options: { exact?: boolean; section?: string } = {}): boolean {
  const root = options.section ?? href;
  return options.exact ? pathname === href : pathname === root || pathname.startsWith(`${root}/`);
}

export function NavLink({ href, exact = false, section, children }: { href: string; exact?: boolean; section?: string; children: ReactNode }) {
  const pathname = usePathname();
  const active = isCurrent(pathname, href, { exact, section });
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={`flex items-center gap-2 rounded-md px-3 py-2 text-sm font-medium ${
        active ? "bg-brand-50 text-brand-700" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900"
      }`}
    >
      {children}
    </Link>
  );
}
