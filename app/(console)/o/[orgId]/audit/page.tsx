import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { inputClass } from "@/components/ui/field";
import { getDb } from "@/db/client";
import { auditLabel } from "@/lib/audit/actions";
import { auditContext } from "@/lib/audit/context";
import { describeAudit } from "@/lib/audit/describe";
import { auditActions, listAudit } from "@/lib/audit/list";
import { formatLastLogin } from "@/lib/format/dates";
import { getActorFor } from "@/lib/orgs/context";
import { auditList } from "@/lib/table/audit";
import { AuditTable, type AuditTableRow } from "./_components/audit-table";

export const metadata: Metadata = { title: "Audit log" };

function FilterField({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="text-sm font-medium text-slate-700">
      {label}
      {children}
    </label>
  );
}

export default async function AuditPage({ params, searchParams }: { params: Promise<{ orgId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { orgId } = await params;
  const actor = await getActorFor(orgId, "audit");
  const { url, filters } = auditList.read(await searchParams);
  const { before } = url;
  const db = await getDb();
  const tz = actor.viewer.org.timezone;
  const [page, actions, context] = await Promise.all([listAudit(db, actor, filters, { before }), auditActions(db, actor), auditContext(db, actor.viewer.tenant.id, tz)]);
  const now = new Date();
  const filtered = !!(filters.actor || filters.action || filters.target || filters.from || filters.to);
  const rows: AuditTableRow[] = page.rows.map((r) => ({ id: r.id, at: r.createdAt.toISOString(), when: formatLastLogin(r.createdAt, now, tz), ...describeAudit(r, context) }));

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold tracking-tight">Audit log</h1>
        <a href={auditList.href(`/api/o/${orgId}/audit/export`, filters)} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 shadow-xs hover:bg-slate-50">
          Export CSV
        </a>
      </div>
      <form method="get" className="grid gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-xs sm:grid-cols-3 lg:grid-cols-6" aria-label="Filter the audit log">
        <FilterField label="Who">
          <input name="actor" defaultValue={filters.actor} placeholder="name or email" className={inputClass} />
        </FilterField>
        <FilterField label="What">
          <select name="action" defaultValue={filters.action ?? ""} className={inputClass}>
            <option value="">Any action</option>
            {actions.map((a) => (
              <option key={a} value={a}>
                {auditLabel(a)}
              </option>
            ))}
          </select>
        </FilterField>
        <FilterField label="Target">
          <input name="target" defaultValue={filters.target} placeholder="name or email" className={inputClass} />
        </FilterField>
        <FilterField label="From">
          <input type="date" name="from" defaultValue={filters.from?.toISOString().slice(0, 10)} className={inputClass} />
        </FilterField>
        <FilterField label="To">
          <input type="date" name="to" defaultValue={filters.to?.toISOString().slice(0, 10)} className={inputClass} />
        </FilterField>
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
      <AuditTable caption={`Audit log of ${actor.org.name}`} rows={rows} filtered={filtered} />
      <nav aria-label="Pages" className="flex justify-end gap-2 text-sm">
        {before ? (
          <Link href={auditList.href(`/o/${orgId}/audit`, filters)} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50">
            ← Newest
          </Link>
        ) : null}
        {page.next ? (
          <Link href={auditList.href(`/o/${orgId}/audit`, filters, { before: page.next })} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50">
            Older →
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
