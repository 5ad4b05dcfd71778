"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { DataTable } from "@/components/data-table/data-table";
import type { AuditDescription } from "@/lib/audit/describe";

/** An audit row as the page shows it, already readable (lib/audit/describe.ts). */
export type AuditTableRow = { id: number; at: string; when: string } & AuditDescription;

// Cells wrap (targets and details can be long) and sit at the top of their row.
const LOOK = { head: "px-3 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-500", row: "align-top *:px-3 *:py-2.5" };

/** A name with the email (or other label) it was recorded under beneath it. */
function Named({ name, label }: { name: string | null; label: string | null }) {
  if (!name) return <span className="text-slate-400">—</span>;
  return (
    <>
      <span className="text-slate-900">{name}</span>
      {label ? <span className="block text-xs text-slate-500">{label}</span> : null}
    </>
  );
}

const columns: ColumnDef<AuditTableRow, unknown>[] = [
  { id: "when", header: "When", meta: { cellClass: "whitespace-nowrap text-slate-600" }, cell: ({ row }) => <time dateTime={row.original.at}>{row.original.when}</time> },
  { id: "who", header: "Who", cell: ({ row }) => <Named name={row.original.who} label={row.original.whoEmail} /> },
  { id: "what", header: "What", meta: { cellClass: "whitespace-nowrap font-medium text-slate-900" }, cell: ({ row }) => row.original.what },
  { id: "target", header: "Target", cell: ({ row }) => <Named name={row.original.target} label={row.original.targetLabel} /> },
  { id: "org", header: "Org", meta: { cellClass: "whitespace-nowrap text-slate-600" }, cell: ({ row }) => row.original.org ?? "—" },
  {
    id: "details",
    header: "Details",
    meta: { cellClass: "max-w-md break-words text-slate-600" },
    cell: ({ row }) =>
      row.original.changes.length ? (
        <ul className="space-y-0.5">
          {row.original.changes.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      ) : (
        <span className="text-slate-400">—</span>
      ),
  },
];

/** The audit log's rows, newest first: one order, no sorting, no selection. */
export function AuditTable({ rows, caption, filtered }: { rows: AuditTableRow[]; caption: string; filtered: boolean }) {
  return (
    <DataTable
      caption={caption}
      columns={columns}
      data={rows}
      getRowId={(r) => String(r.id)}
      look={LOOK}
      empty={<span className="text-slate-600">{filtered ? "Nothing in the log matches these filters." : "Nothing has been recorded here yet."}</span>}
    />
  );
}
