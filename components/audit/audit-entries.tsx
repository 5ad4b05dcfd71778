import { describeAudit, type AuditContext, type AuditRecord } from "@/lib/audit/describe";
import { formatLastLogin } from "@/lib/format/dates";

/** A profile's log: each audit entry as a sentence (lib/audit/describe.ts), who did it and when, newest first. */
export function AuditEntries({ entries, context, now, empty = "No recorded actions yet." }: { entries: (AuditRecord & { id: number; createdAt: Date })[]; context: AuditContext; now: Date; empty?: string }) {
  if (entries.length === 0) return <p className="rounded-xl border border-dashed border-slate-300 p-8 text-center text-sm text-slate-500">{empty}</p>;
  return (
    <ol className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white shadow-xs">
      {entries.map((e) => {
        const d = describeAudit(e, context);
        return (
          <li key={e.id} className="flex flex-wrap justify-between gap-2 px-6 py-3 text-sm max-sm:px-4">
            <span className="min-w-0">
              <span className="font-medium text-slate-900">{d.what}</span>
              {d.target ? <span className="text-slate-700"> · {d.target}</span> : null}
              <span className="text-slate-500"> by {d.who}</span>
              {d.changes.length ? <span className="block text-slate-500">{d.changes.join(". ")}</span> : null}
            </span>
            <time className="text-slate-500" dateTime={e.createdAt.toISOString()}>
              {formatLastLogin(e.createdAt, now, context.timeZone)}
            </time>
          </li>
        );
      })}
    </ol>
  );
}
