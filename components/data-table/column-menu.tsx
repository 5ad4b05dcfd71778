"use client";

import * as Popover from "@radix-ui/react-popover";
import type { ColumnDef } from "@tanstack/react-table";
import { ChevronDown } from "@/components/ui/chevron-down";
import { shownByDefault, type ColumnChoices } from "./column-layout";
import { columnLabel } from "./data-table";

type Props<T> = { columns: ColumnDef<T, unknown>[]; choices: ColumnChoices; onChoose: (id: string, shown: boolean) => void; onReset: () => void };

/** "Columns": which of a table's columns show; the person's choice, kept in this browser. */
export function ColumnMenu<T>(props: Props<T>) {
  return (
    <Popover.Root>
      <Popover.Trigger className="inline-flex items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-700 shadow-xs hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-600">
        Columns
        <ChevronDown />
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content align="end" sideOffset={6} className="z-50 min-w-48 rounded-lg border border-slate-200 bg-white p-1 shadow-lg">
          <Checklist {...props} />
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}

// Rendered only while open, in the browser: a column without a choice shows what the width gives it.
function Checklist<T>({ columns, choices, onChoose, onReset }: Props<T>) {
  const hideable = columns.filter((c) => c.enableHiding !== false);
  return (
    <>
      <fieldset>
        <legend className="px-2.5 py-1.5 text-xs font-medium text-slate-500">Show columns</legend>
        {hideable.map((c) => {
          const id = c.id!;
          const shown = choices[id] ?? shownByDefault(c.meta?.showFrom);
          return (
            <label key={id} className="flex cursor-pointer items-center gap-2 rounded-md px-2.5 py-1.5 text-sm text-slate-700 hover:bg-slate-50">
              <input type="checkbox" checked={shown} onChange={() => onChoose(id, !shown)} className="h-4 w-4 rounded border-slate-300 accent-brand-600" />
              {columnLabel(c)}
            </label>
          );
        })}
      </fieldset>
      {Object.keys(choices).length ? (
        <button type="button" onClick={onReset} className="mt-1 w-full rounded-md px-2.5 py-1.5 text-left text-xs text-slate-500 hover:bg-slate-50">
          Back to the defaults for this width
        </button>
      ) : null}
    </>
  );
}
