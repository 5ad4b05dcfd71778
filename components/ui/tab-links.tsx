import Link from "next/link";

/** A profile's tabs as links (`?tab=key`), so a tab can be shared and reloaded; the active one is the current page. */
export function TabLinks({ label, tabs, active }: { label: string; tabs: readonly { key: string; label: string }[]; active: string }) {
  return (
    <nav aria-label={label} className="flex gap-1 border-b border-slate-200">
      {tabs.map((t) => (
        <Link
          key={t.key}
          href={`?tab=${t.key}`}
          aria-current={active === t.key ? "page" : undefined}
          className={`-mb-px border-b-2 px-4 py-2 text-sm font-medium ${active === t.key ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
