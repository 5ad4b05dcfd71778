"use client";

import { Button } from "@/components/ui/button";
import { countLabel } from "@/lib/format/count";

export type SelectionAction<K extends string> = { key: K; label: string; danger?: boolean };

type Props<K extends string> = {
  count: number;
  total: number;
  capped: boolean;
  allMatching: boolean;
  /** The actions the viewer may use, in bar order. */
  actions: SelectionAction<K>[];
  onSelectAll: () => void;
  onClear: () => void;
  onAction: (action: K) => void;
};

/** "N selected of M · Clear · Select all M matching" and the actions for the selection. */
export function SelectionBar<K extends string>({ count, total, capped, allMatching, actions, onSelectAll, onClear, onAction }: Props<K>) {
  const totalLabel = countLabel(total, capped);
  return (
    <div role="region" aria-label="Bulk actions" className="sticky bottom-4 z-30 mx-auto flex w-fit max-w-full flex-wrap items-center gap-2 rounded-xl border border-slate-200 bg-slate-900 px-4 py-2.5 text-sm text-white shadow-xl">
      <span data-testid="selection-count" className="font-medium">
        {allMatching ? `All ${totalLabel} matching selected` : `${count.toLocaleString("en")} selected of ${totalLabel}`}
      </span>
      <span aria-hidden className="text-slate-500">·</span>
      <button type="button" onClick={onClear} className="text-slate-300 underline-offset-2 hover:text-white hover:underline">
        Clear
      </button>
      {!allMatching && count < total ? (
        <>
          <span aria-hidden className="text-slate-500">·</span>
          <button type="button" onClick={onSelectAll} className="text-slate-300 underline-offset-2 hover:text-white hover:underline">
            Select all {totalLabel} matching
          </button>
        </>
      ) : null}
      <span aria-hidden className="mx-1 h-5 w-px bg-slate-700" />
      {actions.map((a) => (
        <Button key={a.key} size="sm" variant={a.danger ? "danger" : "ghost"} className={a.danger ? "" : "text-white hover:bg-slate-700"} onClick={() => onAction(a.key)}>
          {a.label}
        </Button>
      ))}
    </div>
  );
}
