import { describeUserAgent } from "@/lib/auth/user-agent";
import type { SessionSummary } from "@/lib/auth/sessions-queries";
import { formatDateTime } from "@/lib/format/dates";
import { formatRelative } from "@/lib/format/relative";

/** The viewer's live sessions: the device, its address, how long since it was used; this one marked. */
export function SessionList({ sessions, timeZone, now }: { sessions: SessionSummary[]; timeZone: string; now: Date }) {
  return (
    <ul className="divide-y divide-slate-100" data-testid="session-list">
      {sessions.map((s) => (
        <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 px-6 py-3 text-sm">
          <div className="min-w-0">
            <p className="truncate font-medium text-slate-900" title={s.userAgent ?? undefined}>
              {describeUserAgent(s.userAgent).label}
            </p>
            <p className="text-slate-500">
              {s.ip ? `${s.ip} · ` : ""}
              Last active{" "}
              <time dateTime={s.lastSeenAt.toISOString()} title={formatDateTime(s.lastSeenAt, timeZone)}>
                {formatRelative(s.lastSeenAt, now)}
              </time>{" "}
              · signed in {formatDateTime(s.createdAt, timeZone)}
            </p>
          </div>
          {s.current ? <span className="rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-700">This device</span> : null}
        </li>
      ))}
    </ul>
  );
}
