"use client";

import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type ExpandedState, type RowData, type RowSelectionState } from "@tanstack/react-table";
import { Fragment, useState, type ReactNode } from "react";
import { cellClass, detailClass, toggleClass, type ColumnChoices, type ShowFrom } from "./column-layout";

declare module "@tanstack/react-table" {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- TanStack's declaration names both parameters
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Classes of this column's cells, beside the row's common ones. */
    cellClass?: string;
    /** Below this width the column's cells hide (unless the person chose otherwise) and its value moves to the row's details. */
    showFrom?: ShowFrom;
    /** False: its value is shown elsewhere in the row, so the details leave it out. */
    details?: boolean;
    /** The column's name in the column menu and the details, where the header is not plain text. */
    label?: string;
    /** Its width on a phone, where the default columns lay out fixed and the others share the rest. */
    phoneWidth?: string;
  }
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- TanStack's declaration names the parameter
  interface TableMeta<TData extends RowData> {
    /** Where a row's details toggle shows (column-layout.ts); null: no column is ever hidden. */
    detailsToggle?: string | null;
  }
}

type SortState = { key: string; dir: "asc" | "desc" };

/** The classes every header cell and every row has: the table's look, set once for all cells. */
type Look = { head: string; row: string };

type Props<T> = {
  columns: ColumnDef<T, unknown>[];
  data: T[];
  getRowId: (row: T) => string;
  /** Absent: the list has one order and no header sorts. */
  sort?: SortState;
  /** Column ids that sort (server-side); clicking a header asks for that column. */
  onSort?: (columnId: string) => void;
  selection?: RowSelectionState;
  /** While the next page loads the rows fade and the table says it is busy. */
  pending?: boolean;
  empty: ReactNode;
  caption: string;
  /** The last column (row actions) stays in view when a narrow screen scrolls the table sideways. */
  stickyLast?: boolean;
  look?: Look;
  /** The person's column choices (column menu); without them each column follows its `showFrom`. */
  choices?: ColumnChoices;
};

// Opaque backgrounds, so the rows scrolling underneath do not show through the pinned column.
const STICKY = "sticky right-0 shadow-[inset_1px_0_0_var(--color-slate-200)]";
const LOOK: Look = {
  head: "whitespace-nowrap px-2.5 py-2.5 text-left text-xs font-semibold uppercase text-slate-500",
  row: "group/row dt-row",
};
// The row's and the pinned cell's looks are component classes (app/globals.css): spelled out,
// they were repeated on each of a page's rows.
const STICKY_CELL = "dt-pinned";

/**
 * The generic server-driven table: TanStack Table only lays rows out; sorting, filtering and
 * paging happen in SQL and arrive as `data` (architecture.md "UI").
 */
export function DataTable<T>({ columns, data, getRowId, sort, onSort, selection, pending, empty, caption, stickyLast, look = LOOK, choices = {} }: Props<T>) {
  const [expanded, setExpanded] = useState<ExpandedState>({});
  const columnVisibility = Object.fromEntries(Object.entries(choices).filter(([, shown]) => !shown));
  // Each hidden column's value, one tap away in the row's details.
  const detailLines = columns
    .filter((c) => c.meta?.details !== false)
    .map((c) => ({ column: c, className: detailClass(c.meta?.showFrom, choices[c.id!]) }))
    .filter((line) => line.className !== null);
  // Not memoised by React Compiler (TanStack returns fresh functions); the table re-renders
  // with its data, which is what a server-driven table wants anyway.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data,
    columns,
    getRowId,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualPagination: true,
    manualFiltering: true,
    state: { rowSelection: selection ?? {}, columnVisibility, expanded },
    enableRowSelection: true,
    onExpandedChange: setExpanded,
    getRowCanExpand: () => detailLines.length > 0,
    meta: { detailsToggle: toggleClass(detailLines.map((l) => l.className)) },
  });
  const classOf = (id: string, base: string | undefined, head = false) => {
    const meta = columns.find((c) => c.id === id)?.meta;
    return [base, cellClass(meta?.showFrom, choices[id]), head && meta?.phoneWidth].filter(Boolean).join(" ") || undefined;
  };
  // Below sm the default columns fit the screen exactly; columns the person added may scroll.
  const phoneFixed = Object.keys(choices).length === 0 && columns.some((c) => c.meta?.phoneWidth);

  return (
    // `relative`: the header's sr-only labels are positioned inside the scroller, not the page.
    <div className="relative overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-xs" aria-busy={pending}>
      <table className={`min-w-full divide-y divide-slate-200 text-sm ${phoneFixed ? "max-sm:w-full max-sm:table-fixed" : ""}`}>
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header, i) => {
                const sortable = !!onSort && header.column.columnDef.enableSorting !== false;
                const active = sort?.key === header.column.id;
                const pinned = stickyLast && i === group.headers.length - 1;
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={active ? (sort.dir === "asc" ? "ascending" : "descending") : undefined}
                    className={classOf(header.column.id, pinned ? `${look.head} ${STICKY} bg-slate-50` : look.head, true)}
                  >
                    {sortable ? (
                      <button type="button" onClick={() => onSort?.(header.column.id)} className="group inline-flex items-center gap-1 rounded uppercase hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-600">
                        {flexRender(header.column.columnDef.header, header.getContext())}
                        <span aria-hidden className={active ? "text-slate-900" : "text-slate-300 group-hover:text-slate-400"}>
                          {active ? (sort.dir === "asc" ? "▲" : "▼") : "↕"}
                        </span>
                      </button>
                    ) : (
                      flexRender(header.column.columnDef.header, header.getContext())
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody className={`divide-y divide-slate-100 transition-opacity ${pending ? "opacity-50" : ""}`}>
          {table.getRowModel().rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="px-6 py-16 text-center">
                {empty}
              </td>
            </tr>
          ) : (
            table.getRowModel().rows.map((row) => (
              // The cells' common classes sit once on the row (`*:`), not on each of its cells.
              <Fragment key={row.id}>
                <tr data-state={row.getIsSelected() ? "selected" : undefined} className={look.row}>
                  {row.getVisibleCells().map((cell, i, cells) => (
                    <td key={cell.id} className={stickyLast && i === cells.length - 1 ? STICKY_CELL : classOf(cell.column.id, cell.column.columnDef.meta?.cellClass)}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ))}
                </tr>
                {row.getIsExpanded() ? (
                  <tr id={`details-${row.id}`} data-testid="row-details" className="bg-slate-50/60">
                    <td colSpan={columns.length} className="px-4 pb-3 pt-1">
                      <dl className="grid gap-1.5 text-sm">
                        {detailLines.map(({ column, className }) => {
                          const cell = row.getAllCells().find((c) => c.column.id === column.id)!;
                          return (
                            <div key={column.id} className={`flex items-baseline gap-3 ${className}`}>
                              <dt className="w-24 shrink-0 text-xs font-medium uppercase text-slate-500">{columnLabel(column)}</dt>
                              <dd className="min-w-0 text-slate-700">{flexRender(column.cell, cell.getContext())}</dd>
                            </div>
                          );
                        })}
                      </dl>
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

/** A column's name for people: its plain-text header, else its `meta.label`. */
export const columnLabel = <T,>(column: ColumnDef<T, unknown>) => (typeof column.header === "string" ? column.header : (column.meta?.label ?? column.id ?? ""));

/** Placeholder rows while a page first loads (loading.tsx). */
function TableSkeleton({ columns = 8, rows = 10 }: { columns?: number; rows?: number }) {
  return (
    <div className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-xs" aria-busy="true" aria-label="Loading">
      <div className="h-10 bg-slate-50" />
      {Array.from({ length: rows }, (_, r) => (
        <div key={r} className="flex gap-4 border-t border-slate-100 px-3 py-3">
          {Array.from({ length: columns }, (_, c) => (
            <div key={c} className="h-4 flex-1 animate-pulse rounded bg-slate-100" />
          ))}
        </div>
      ))}
    </div>
  );
}

/** A console page's loading state: a title bar and skeleton rows (each route's loading.tsx). */
export function PageSkeleton() {
  return (
    <div className="space-y-4">
      <div className="h-8 w-48 animate-pulse rounded bg-slate-200" />
      <TableSkeleton columns={6} rows={10} />
    </div>
  );
}
