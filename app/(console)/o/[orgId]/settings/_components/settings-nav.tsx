"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { isCurrent } from "@/components/shell/nav-link";
import type { NavItem } from "@/lib/orgs/nav";

/** Settings' pages as tabs; on a phone the row scrolls sideways inside itself, never the page. */
export function SettingsNav({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Settings" className="-mx-4 overflow-x-auto px-4 shadow-[inset_0_-1px_0_var(--color-slate-200)] md:mx-0 md:px-0">
      <ul className="flex gap-6 whitespace-nowrap">
        {items.map((item) => {
          const active = isCurrent(pathname, item.href, item);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={`inline-block border-b-2 px-1 pb-3 pt-1 text-sm font-medium ${
                  active ? "border-brand-600 text-brand-700" : "border-transparent text-slate-500 hover:border-slate-300 hover:text-slate-800"
                }`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
