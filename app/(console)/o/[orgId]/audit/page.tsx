import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { inputClass } from "@/components/ui/field";
import { getDb } from "@/db/client";
import { auditFiltersFrom, type AuditFilters } from "@/lib/audit/filters";
import { auditLabel } from "@/lib/audit/actions";
import { auditActions, listAudit } from "@/lib/audit/list";
import { formatLastLogin } from "@/lib/format/dates";
import { getActor } from "@/lib/orgs/context";
import { orgTarget } from "@/lib/orgs/target";
import { can } from "@/lib/policy";

export const metadata: Metadata = { title: "Audit log" };

/** before/after as short "key: value" text; values are data, rendered as text. */
function changes(before: unknown, after: unknown): string {
  const fmt = (o: unknown) =>
    o && typeof o === "object"
      ? Object.entries(o as Record<string, unknown>)
          .map(([k, v]) => `${k}: ${typeof v === "object" ? JSON.stringify(v) : String(v)}`)
          .join(", ")
      : "";
  const b = fmt(before);
  const a = fmt(after);
  return b && a ? `${b} → ${a}` : a || b;
}

function query(filters: AuditFilters, extra: Record<string, string> = {}): string {
  const p = new URLSearchParams();
  if (filters.actor) p.set("actor", filters.actor);
  if (filters.action) p.set("action", filters.action);
  if (filters.target) p.set("target", filters.target);
  if (filters.from) p.set("from", filters.from.toISOString().slice(0, 10));
  if (filters.to) p.set("to", filters.to.toISOString().slice(0, 10));
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  return p.toString();
}

export default async function AuditPage({ params, searchParams }: { params: Promise<{ orgId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { orgId } = await params;
  const actor = await getActor(orgId);
  if (!can(actor.policy, "audit.view", orgTarget(actor))) notFound();
  const { filters, before } = auditFiltersFrom(await searchParams);
  const db = await getDb();
  const [page, actions] = await Promise.all([listAudit(db, actor, filters, { before }), auditActions(db, actor)]);
  const now = new Date();
  const tz = actor.viewer.org.timezone;
  const filtered = !!(filters.actor || filters.action || filters.target || filters.from || filters.to);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold tracking-tight">Audit log</h1>
        <a href={`/api/o/${orgId}/audit/export?${query(filters)}`} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 shadow-xs hover:bg-slate-50">
          Export CSV
        </a>
      </div>
      <form method="get" className="grid gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-xs sm:grid-cols-3 lg:grid-cols-6" aria-label="Filter the audit log">
        <label className="text-sm font-medium text-slate-700">
          Who
          <input name="actor" defaultValue={filters.actor} placeholder="email" className={inputClass} />
        </label>
        <label className="text-sm font-medium text-slate-700">
          What
          <select name="action" defaultValue={filters.action ?? ""} className={inputClass}>
            <option value="">Any action</option>
            {actions.map((a) => (
              <option key={a} value={a}>
                {auditLabel(a)}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium text-slate-700">
          Target
          <input name="target" defaultValue={filters.target} placeholder="email or name" className={inputClass} />
        </label>
        <label className="text-sm font-medium text-slate-700">
          From
          <input type="date" name="from" defaultValue={filters.from?.toISOString().slice(0, 10)} className={inputClass} />
        </label>
        <label className="text-sm font-medium text-slate-700">
          To
          <input type="date" name="to" defaultValue={filters.to?.toISOString().slice(0, 10)} className={inputClass} />
        </label>
        <div className="flex items-end gap-2">
          <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
            Filter
          </button>
          {filtered ? (
            <Link href={`/o/${orgId}/audit`} className="px-2 py-2 text-sm text-slate-600 hover:underline">
              Reset
            </Link>
          ) : null}
        </div>
      </form>
      <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-xs">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">Audit log of {actor.org.name}</caption>
          <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
            <tr>
              {["When", "Who", "What", "Target", "Org", "Details"].map((h) => (
                <th key={h} scope="col" className="px-3 py-2.5">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {page.rows.length === 0 ? (
              <tr>
                <td colSpan={6} className="px-6 py-16 text-center text-slate-600">
                  {filtered ? "Nothing in the log matches these filters." : "Nothing has been recorded here yet."}
                </td>
              </tr>
            ) : (
              page.rows.map((r) => (
                <tr key={r.id} className="align-top">
                  <td className="whitespace-nowrap px-3 py-2.5 text-slate-600">
                    <time dateTime={r.createdAt.toISOString()}>{formatLastLogin(r.createdAt, now, tz)}</time>
                  </td>
                  <td className="px-3 py-2.5">{r.actorEmail ?? <span className="text-slate-400">system</span>}</td>
                  <td className="whitespace-nowrap px-3 py-2.5 font-medium text-slate-900">{auditLabel(r.action)}</td>
                  <td className="px-3 py-2.5">{r.targetLabel ?? "—"}</td>
                  <td className="whitespace-nowrap px-3 py-2.5 text-slate-600">{r.orgName ?? "—"}</td>
                  <td className="max-w-md break-words px-3 py-2.5 text-xs text-slate-600">{changes(r.before, r.after) || "—"}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <nav aria-label="Pages" className="flex justify-end gap-2 text-sm">
        {before ? (
          <Link href={`?${query(filters)}`} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50">
            ← Newest
          </Link>
        ) : null}
        {page.next ? (
          <Link href={`?${query(filters, { before: String(page.next) })}`} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50">
            Older →
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
