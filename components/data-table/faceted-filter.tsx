"use client";

import * as Popover from "@radix-ui/react-popover";
import { ChevronDown } from "@/components/ui/chevron-down";

type Option = { value: string; label: string };

/** A filter button that opens a checklist; the count of chosen values shows on the button. */
export function FacetedFilter({ label, options, value, onChange }: { label: string; options: Option[]; value: string[]; onChange: (next: string[]) => void }) {
  const chosen = new Set(value);
  const toggle = (v: string) => onChange(chosen.has(v) ? value.filter((x) => x !== v) : [...value, v]);
  return (
    <Popover.Root>
      <Popover.Trigger
        aria-label={`Filter by ${label.toLowerCase()}${value.length ? ` (${value.length} chosen)` : ""}`}
        className={`inline-flex items-center gap-1.5 rounded-md border px-3 py-1.5 text-sm shadow-xs hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-600 ${value.length ? "border-brand-300 bg-brand-50 text-brand-800" : "border-slate-300 bg-white text-slate-700"}`}
      >
        {label}
        {value.length ? <span className="rounded bg-brand-600 px-1.5 text-xs font-semibold text-white">{value.length}</span> : null}
        <ChevronDown />
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content align="start" sideOffset={6} className="z-50 min-w-48 rounded-lg border border-slate-200 bg-white p-1 shadow-lg">
          <fieldset>
            <legend className="sr-only">{label}</legend>
            {options.map((o) => (
              <label key={o.value} className="flex cursor-pointer items-center gap-2 rounded-md px-2.5 py-1.5 text-sm text-slate-700 hover:bg-slate-50">
                <input type="checkbox" checked={chosen.has(o.value)} onChange={() => toggle(o.value)} className="h-4 w-4 rounded border-slate-300 accent-brand-600" />
                {o.label}
              </label>
            ))}
          </fieldset>
          {value.length ? (
            <button type="button" onClick={() => onChange([])} className="mt-1 w-full rounded-md px-2.5 py-1.5 text-left text-xs text-slate-500 hover:bg-slate-50">
              Clear
            </button>
          ) : null}
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
