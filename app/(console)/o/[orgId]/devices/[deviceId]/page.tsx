import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { AuditEntries } from "@/components/audit/audit-entries";
import { TabLinks } from "@/components/ui/tab-links";
import { getDb } from "@/db/client";
import { auditContext } from "@/lib/audit/context";
import type { Actor } from "@/lib/commands/actor";
import { deviceActionLog } from "@/lib/devices/details";
import { formatDate } from "@/lib/format/dates";
import { can, devicesInSight, isInView, may } from "@/lib/policy";
import { orgsInView } from "@/lib/users/page-data";
import { DeviceActions } from "../_components/device-actions";
import { TagChip } from "@/components/tags/tag-chip";
import { loadDevice } from "./device";

export const metadata: Metadata = { title: "Device" };

const TABS = [
  { key: "info", label: "Information" },
  { key: "log", label: "Actions log" },
] as const;

const none = <span className="text-slate-400">—</span>;

export default async function DeviceProfilePage({ params, searchParams }: { params: Promise<{ orgId: string; deviceId: string }>; searchParams: Promise<{ tab?: string; before?: string }> }) {
  const { orgId, deviceId } = await params;
  const { actor, details } = await loadDevice(orgId, deviceId);
  const { policy } = actor;
  const db = await getDb();
  const { tab, before } = await searchParams;
  const active = tab === "log" ? "log" : "info";
  const now = new Date();
  const timeZone = actor.viewer.org.timezone;
  const { target } = details.scoped;

  const allowed = {
    edit: can(policy, "devices.edit", target),
    location: can(policy, "locations.assign", target),
    tag: can(policy, "tags.apply", target),
    transfer: can(policy, "devices.transfer", target),
    delete: can(policy, "devices.delete", target),
  };
  // The people who could own it are searched from the transfer dialog; the orgs it could move to come with the page.
  const orgs = allowed.transfer ? await orgsInView(db, actor) : [];
  const owner = details.owner ? (
    may(policy, "users.view") && isInView(policy, details.owner.org) ? (
      <Link href={`/o/${orgId}/users/${details.owner.id}`} className="text-brand-700 hover:underline">
        {details.owner.name}
      </Link>
    ) : (
      details.owner.name
    )
  ) : (
    <span className="text-slate-400">No owner</span>
  );
  const tags = details.tags.length ? (
    <span className="flex flex-wrap gap-1.5">
      {details.tags.map((t) => (
        <TagChip key={t.id} tag={t} />
      ))}
    </span>
  ) : null;

  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <Link href={`/o/${orgId}/devices`} className="text-sm text-brand-700 hover:underline">
        ← {devicesInSight(policy) === "own" ? "My devices" : "Devices"}
      </Link>
      <header className="flex flex-wrap items-start justify-between gap-4 rounded-xl border border-slate-200 bg-white p-6 shadow-xs max-sm:p-4">
        <div className="flex min-w-0 items-start gap-4">
          <DeviceGlyph />
          <div className="min-w-0">
            <h1 className="break-words text-2xl font-semibold tracking-tight">{details.name}</h1>
            <p className="text-sm text-slate-600">
              {details.model ? `${details.model} · ` : ""}
              {details.org.name}
            </p>
            <dl className="mt-3 flex flex-wrap gap-x-6 gap-y-1 text-sm">
              <HeaderFact label="Owner">{owner}</HeaderFact>
              <HeaderFact label="Location">{details.location?.name ?? none}</HeaderFact>
            </dl>
            {tags ? <div className="mt-3">{tags}</div> : null}
          </div>
        </div>
        <DeviceActions orgId={orgId} device={{ id: details.id, name: details.name, model: details.model, orgId: details.org.id, orgName: details.org.name, ownerId: details.owner?.id ?? null, ownerName: details.owner?.name ?? null }} orgs={orgs} may={allowed} />
      </header>

      <TabLinks label="Device sections" tabs={TABS} active={active} />

      {active === "info" ? (
        <dl className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white shadow-xs">
          {(
            [
              ["Model", details.model || none],
              ["Organization", details.org.name],
              ["Owner", owner],
              [
                "Location",
                details.location ? (
                  <>
                    {details.location.name}
                    {details.location.address ? <span className="block text-slate-500">{details.location.address}</span> : null}
                  </>
                ) : (
                  none
                ),
              ],
              ["Tags", tags ?? none],
              ["Added", formatDate(details.createdAt, now, timeZone)],
              ["Device ID", <span key="id" className="break-all font-mono text-xs text-slate-600">{details.id}</span>],
            ] as [string, ReactNode][]
          ).map(([label, value]) => (
            <div key={label} className="grid grid-cols-3 gap-4 px-6 py-3 text-sm max-sm:px-4">
              <dt className="text-slate-500">{label}</dt>
              <dd className="col-span-2 min-w-0 text-slate-900">{value}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <LogTab orgId={orgId} deviceId={details.id} before={before} now={now} timeZone={timeZone} actor={actor} />
      )}
    </div>
  );
}

function HeaderFact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex gap-1.5">
      <dt className="text-slate-500">{label}</dt>
      <dd className="text-slate-900">{children}</dd>
    </div>
  );
}

function DeviceGlyph() {
  return (
    <span aria-hidden className="inline-flex h-11 w-11 shrink-0 items-center justify-center rounded-lg bg-brand-100 text-brand-700">
      <svg viewBox="0 0 20 20" className="h-6 w-6" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round">
        <path d="M5.5 4.5h9a1 1 0 0 1 1 1v9a1 1 0 0 1-1 1h-9a1 1 0 0 1-1-1v-9a1 1 0 0 1 1-1ZM8 8h4v4H8zM8 2.5v2M12 2.5v2M8 15.5v2M12 15.5v2M2.5 8h2M2.5 12h2M15.5 8h2M15.5 12h2" />
      </svg>
    </span>
  );
}

/** The actions log, a page at a time from the newest; `before` is the last entry of the page before. */
async function LogTab({ orgId, deviceId, before, now, timeZone, actor }: { orgId: string; deviceId: string; before?: string; now: Date; timeZone: string; actor: Actor }) {
  const db = await getDb();
  const cursor = before && /^\d{1,18}$/.test(before) ? Number(before) : null;
  const [page, context] = await Promise.all([deviceActionLog(db, actor, deviceId, { before: cursor }), auditContext(db, actor.viewer.tenant.id, timeZone)]);
  const base = `/o/${orgId}/devices/${deviceId}?tab=log`;
  return (
    <div className="space-y-3">
      <AuditEntries entries={page.entries} context={context} now={now} empty={cursor ? "No older entries." : "Nothing has been recorded about this device yet."} />
      {cursor || page.next ? (
        <nav aria-label="Pages of the actions log" className="flex justify-end gap-2 text-sm">
          {cursor ? (
            <Link href={base} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50">
              ← Newest
            </Link>
          ) : null}
          {page.next ? (
            <Link href={`${base}&before=${page.next}`} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50">
              Older →
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
