"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { DataTable } from "@/components/data-table/data-table";
import { OPERATOR_ACTOR } from "@/lib/audit/actions";

/** An audit row as the page shows it: every value already text. */
export type AuditTableRow = { id: number; at: string; when: string; actor: string | null; what: string; target: string; org: string; details: string };

// Cells wrap (targets and details can be long) and sit at the top of their row.
const LOOK = { head: "px-3 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-500", row: "align-top *:px-3 *:py-2.5" };

/** A person's email; the operator's command line and the system itself are not people. */
function Actor({ actor }: { actor: string | null }) {
  if (actor === null) return <span className="text-slate-400">system</span>;
  if (actor === OPERATOR_ACTOR) return <span className="text-slate-500" title="The operator of this Roster installation, from its command line">operator</span>;
  return actor;
}

const columns: ColumnDef<AuditTableRow, unknown>[] = [
  { id: "when", header: "When", meta: { cellClass: "whitespace-nowrap text-slate-600" }, cell: ({ row }) => <time dateTime={row.original.at}>{row.original.when}</time> },
  { id: "who", header: "Who", cell: ({ row }) => <Actor actor={row.original.actor} /> },
  { id: "what", header: "What", meta: { cellClass: "whitespace-nowrap font-medium text-slate-900" }, cell: ({ row }) => row.original.what },
  { id: "target", header: "Target", cell: ({ row }) => row.original.target },
  { id: "org", header: "Org", meta: { cellClass: "whitespace-nowrap text-slate-600" }, cell: ({ row }) => row.original.org },
  { id: "details", header: "Details", meta: { cellClass: "max-w-md break-words text-xs text-slate-600" }, cell: ({ row }) => row.original.details },
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
