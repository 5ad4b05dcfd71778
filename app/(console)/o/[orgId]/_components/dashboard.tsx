import Link from "next/link";
import type { AuditDescription } from "@/lib/audit/describe";
import { countLabel } from "@/lib/format/count";
import { formatLastLogin } from "@/lib/format/dates";
import type { Dashboard } from "@/lib/orgs/dashboard";

/** An audit row as the audit page reads it (lib/audit/describe.ts). */
export type ActivityItem = AuditDescription & { id: number; createdAt: Date };

type Props = { orgId: string; orgName: string; dashboard: Dashboard; activity: ActivityItem[] | null; now: Date; timeZone: string };

/** What needs an admin's attention in the org, each figure a link to the list it counts, and the latest activity. */
export function DashboardView({ orgId, orgName, dashboard, activity, now, timeZone }: Props) {
  const { scope, subOrgs, counts } = dashboard;
  return (
    <>
      <section aria-labelledby="attention-heading" className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="attention-heading" className="font-semibold">
            Needs attention
          </h2>
          <p className="text-sm text-slate-500">
            {scope === "reach" ? `${orgName} incl. its ${subOrgs} ${subOrgs === 1 ? "sub-organization" : "sub-organizations"}` : `Members of ${orgName}`}
          </p>
        </div>
        <ul className="grid grid-cols-2 gap-4 lg:grid-cols-4">
          {counts.map((c) => (
            <li key={c.key}>
              <Link
                href={c.href}
                aria-label={`${c.label}: ${countLabel(c.total, c.capped)}`}
                className="block h-full rounded-xl border border-slate-200 bg-white p-5 shadow-xs hover:border-brand-300 hover:bg-brand-50/40 focus-visible:outline-2 focus-visible:outline-brand-600"
              >
                <span className="block text-sm font-medium text-slate-700">{c.label}</span>
                <span className="mt-1 block text-3xl font-semibold tabular-nums text-slate-900">{countLabel(c.total, c.capped)}</span>
                <span className="mt-1 block text-xs text-slate-500">{c.hint}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      {activity ? (
        <section aria-labelledby="activity-heading" className="rounded-xl border border-slate-200 bg-white shadow-xs">
          <div className="flex items-baseline justify-between gap-2 border-b border-slate-100 px-6 py-4">
            <h2 id="activity-heading" className="font-semibold">
              Recent activity
            </h2>
            <Link href={`/o/${orgId}/audit`} className="text-sm font-medium text-brand-700 hover:underline">
              Open the audit log
            </Link>
          </div>
          {activity.length === 0 ? (
            <p className="px-6 py-5 text-sm text-slate-600">Nothing has happened here yet.</p>
          ) : (
            <ol className="divide-y divide-slate-100">
              {activity.map((row) => (
                <li key={row.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-6 py-3 text-sm">
                  <p className="min-w-0 text-slate-700">
                    <span className="font-medium text-slate-900">{row.who}</span> · {row.what}
                    {row.target ? <span className="text-slate-900"> · {row.target}</span> : null}
                    {row.org && row.org !== orgName ? <span className="text-slate-500"> · {row.org}</span> : null}
                    {row.changes.length ? <span className="block text-slate-500">{row.changes.join(". ")}</span> : null}
                  </p>
                  <time dateTime={row.createdAt.toISOString()} className="shrink-0 text-xs text-slate-500">
                    {formatLastLogin(row.createdAt, now, timeZone)}
                  </time>
                </li>
              ))}
            </ol>
          )}
        </section>
      ) : null}
    </>
  );
}
