"use client";

export type ScopeChip = { label: string; pressed: boolean; onClick: () => void };

const chipClass = (active: boolean) =>
  `rounded-full px-3 py-1 text-sm font-medium ring-1 ring-inset focus-visible:outline-2 focus-visible:outline-brand-600 ${active ? "bg-brand-600 text-white ring-brand-600" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50"}`;

/** Toggle chips that choose which rows a list covers ("This organization", "All in reach", …). */
export function ScopeChips({ chips, wrap = false }: { chips: ScopeChip[]; wrap?: boolean }) {
  return (
    <div role="group" aria-label="Scope" className={wrap ? "flex flex-wrap gap-2" : "flex gap-2"}>
      {chips.map((chip) => (
        <button key={chip.label} type="button" aria-pressed={chip.pressed} className={chipClass(chip.pressed)} onClick={chip.onClick}>
          {chip.label}
        </button>
      ))}
    </div>
  );
}
