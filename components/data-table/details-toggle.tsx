"use client";

import type { Row, Table } from "@tanstack/react-table";
import { ChevronDown } from "@/components/ui/chevron-down";

/** Opens a row's details (its hidden columns' values); shown only where some column is hidden. */
export function DetailsToggle<T>({ row, table, label }: { row: Row<T>; table: Table<T>; label: string }) {
  const where = table.options.meta?.detailsToggle;
  if (where === null || where === undefined) return null;
  const open = row.getIsExpanded();
  return (
    <button
      type="button"
      aria-label={label}
      aria-expanded={open}
      aria-controls={open ? `details-${row.id}` : undefined}
      onClick={row.getToggleExpandedHandler()}
      className={`shrink-0 rounded p-0.5 text-slate-400 hover:bg-slate-100 hover:text-slate-700 ${where}`}
    >
      <ChevronDown className={`h-4 w-4 transition-transform ${open ? "rotate-180" : ""}`} />
    </button>
  );
}
