"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { Icon, type IconName } from "@/components/ui/icons";
import { countLabel } from "@/lib/format/count";

/**
 * `short` and `icon`: what a narrow screen shows; the full label stays the button's name.
 * `more`: on a narrow screen it waits in the bar's "More" menu, so the bar stays one row.
 */
export type SelectionAction<K extends string> = { key: K; label: string; short: string; icon: IconName; danger?: boolean; more?: true };

type Props<K extends string> = {
  count: number;
  total: number;
  capped: boolean;
  allMatching: boolean;
  /** The actions the viewer may use, in bar order. */
  actions: SelectionAction<K>[];
  /** Absent: the list's bulk actions take only the rows ticked, so "Select all matching" is not offered. */
  onSelectAll?: () => void;
  onClear: () => void;
  onAction: (action: K) => void;
};

/** "N selected of M · Clear · Select all M matching" and the actions for the selection. */
export function SelectionBar<K extends string>({ count, total, capped, allMatching, actions, onSelectAll, onClear, onAction }: Props<K>) {
  const totalLabel = countLabel(total, capped);
  const more = actions.filter((a) => a.more);
  return (
    <div
      role="region"
      aria-label="Bulk actions"
      className="sticky bottom-4 z-30 mx-auto flex w-full max-w-full flex-col gap-2 rounded-xl border border-slate-200 bg-slate-900 px-3 py-2 text-sm text-white shadow-xl sm:w-fit sm:flex-row sm:flex-wrap sm:items-center sm:px-4 sm:py-2.5"
    >
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1 max-sm:text-xs">
        <span data-testid="selection-count" className="font-medium">
          {allMatching ? `All ${totalLabel} matching selected` : `${count.toLocaleString("en")} selected of ${totalLabel}`}
        </span>
        <span aria-hidden className="text-slate-500">·</span>
        <button type="button" onClick={onClear} className="text-slate-300 underline-offset-2 hover:text-white hover:underline">
          Clear
        </button>
        {onSelectAll && !allMatching && count < total ? (
          <>
            <span aria-hidden className="text-slate-500">·</span>
            <button type="button" onClick={onSelectAll} className="text-slate-300 underline-offset-2 hover:text-white hover:underline">
              Select all {totalLabel} matching
            </button>
          </>
        ) : null}
      </div>
      <span aria-hidden className="mx-1 hidden h-5 w-px bg-slate-700 sm:block" />
      {/* Narrow screens: icons over short labels sharing one row; the "more" ones in a menu at its end. */}
      <div className="grid auto-cols-fr grid-flow-col gap-1 sm:flex sm:flex-wrap sm:gap-2">
        {actions.map((a) => (
          <button
            key={a.key}
            type="button"
            aria-label={a.label}
            onClick={() => onAction(a.key)}
            className={`${a.more ? "max-sm:hidden " : ""}flex min-w-0 flex-col items-center gap-0.5 rounded-md px-1 py-1 text-[11px] font-medium focus-visible:outline-2 focus-visible:outline-offset-2 sm:flex-row sm:gap-1.5 sm:px-2.5 sm:py-1.5 sm:text-xs ${
              a.danger ? "bg-red-600 text-white hover:bg-red-700 focus-visible:outline-red-600" : "text-white hover:bg-slate-700 focus-visible:outline-brand-600"
            }`}
          >
            <Icon name={a.icon} className="h-4 w-4 sm:hidden" />
            <span className="max-w-full truncate sm:hidden">{a.short}</span>
            <span className="max-sm:hidden">{a.label}</span>
          </button>
        ))}
        {more.length ? (
          <DropdownMenu.Root>
            <DropdownMenu.Trigger className="flex min-w-0 flex-col items-center gap-0.5 rounded-md px-1 py-1 text-[11px] font-medium text-white hover:bg-slate-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 sm:hidden">
              <Icon name="more" className="h-4 w-4" />
              <span>More</span>
            </DropdownMenu.Trigger>
            <DropdownMenu.Portal>
              <DropdownMenu.Content align="end" side="top" sideOffset={6} className="z-50 min-w-44 rounded-lg border border-slate-200 bg-white p-1 shadow-lg">
                {more.map((a) => (
                  <DropdownMenu.Item
                    key={a.key}
                    onSelect={() => onAction(a.key)}
                    className={`flex cursor-pointer items-center gap-2 rounded-md px-3 py-2 text-sm outline-none data-[highlighted]:bg-slate-100 ${a.danger ? "text-red-700" : "text-slate-700"}`}
                  >
                    <Icon name={a.icon} className="h-4 w-4" />
                    {a.label}
                  </DropdownMenu.Item>
                ))}
              </DropdownMenu.Content>
            </DropdownMenu.Portal>
          </DropdownMenu.Root>
        ) : null}
      </div>
    </div>
  );
}
