import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { getDb } from "@/db/client";
import { DomainError } from "@/lib/errors";
import { formatDate } from "@/lib/format/dates";
import { locationProfile, PROFILE_LIMIT } from "@/lib/locations/profile";
import { getActorFor } from "@/lib/orgs/context";
import { orgTarget } from "@/lib/orgs/target";
import { can } from "@/lib/policy";
import { COUNT_CAP } from "@/lib/table/paging";
import { countLabel } from "@/lib/format/count";
import { InheritedBadge } from "../_components/inherited-badge";
import { ProfileActions } from "../_components/profile-actions";

export const metadata: Metadata = { title: "Location" };

const count = (n: number) => countLabel(Math.min(n, COUNT_CAP), n > COUNT_CAP);

export default async function LocationProfilePage({ params }: { params: Promise<{ orgId: string; locationId: string }> }) {
  const { orgId, locationId } = await params;
  const actor = await getActorFor(orgId, "locations");
  const db = await getDb();
  const location = await locationProfile(db, actor, locationId).catch((error: unknown) => {
    // Another tenant's, a sibling's, a sub-org's and an unknown id all look the same: 404.
    if (error instanceof DomainError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const canManage = !location.inherited && can(actor.policy, "locations.manage", orgTarget(actor));
  const pin = location.latitude !== null && location.longitude !== null ? { lat: location.latitude, lon: location.longitude } : null;

  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <Link href={`/o/${orgId}/settings/locations`} className="text-sm text-brand-700 hover:underline">
        ← Locations
      </Link>
      <header className="flex flex-wrap items-start justify-between gap-4 rounded-xl border border-slate-200 bg-white p-6 shadow-xs">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold tracking-tight break-words">{location.name}</h1>
          <p className="mt-1 text-sm whitespace-pre-line text-slate-600">{location.address || "No address"}</p>
          <div className="mt-2 flex flex-wrap items-center gap-2 text-xs">
            {location.inherited ? <InheritedBadge orgName={location.orgName} /> : null}
            {location.devices ? <span className="rounded-full bg-slate-100 px-2 py-0.5 font-medium text-slate-700">{count(location.devices.total)} {location.devices.total === 1 ? "device" : "devices"}</span> : null}
            {location.people ? <span className="rounded-full bg-slate-100 px-2 py-0.5 font-medium text-slate-700">{count(location.people.total)} {location.people.total === 1 ? "person" : "people"}</span> : null}
          </div>
        </div>
        {canManage ? <ProfileActions orgId={orgId} location={location} /> : null}
      </header>

      <dl className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white shadow-xs">
        {(
          [
            ["Organization", location.inherited ? (location.orgName ?? "An organization above this one") : actor.org.name],
            ["Address", location.address || "—"],
            [
              "Map pin",
              pin ? (
                <a href={`https://www.openstreetmap.org/?mlat=${pin.lat}&mlon=${pin.lon}#map=15/${pin.lat}/${pin.lon}`} target="_blank" rel="noreferrer" className="text-brand-700 hover:underline">
                  {pin.lat}, {pin.lon}
                </a>
              ) : (
                "—"
              ),
            ],
            ["Added", formatDate(location.createdAt, new Date(), actor.viewer.org.timezone)],
          ] satisfies [string, ReactNode][]
        ).map(([label, value]) => (
          <div key={label} className="grid grid-cols-3 gap-4 px-6 py-3 text-sm">
            <dt className="text-slate-500">{label}</dt>
            <dd className="col-span-2 break-words text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>

      {location.people ? (
        <Section title="People" total={location.people.total} shown={location.people.rows.length} empty={`Nobody in ${actor.org.name} is at ${location.name}.`}>
          {location.people.rows.map((p) => (
            <li key={p.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-0.5 px-6 py-3 text-sm">
              <span className="min-w-0">
                <Link href={`/o/${orgId}/users/${p.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                  {p.name}
                </Link>
                <span className="block truncate text-slate-500">{p.email}</span>
              </span>
              <span className="text-slate-500">{p.orgName}</span>
            </li>
          ))}
        </Section>
      ) : null}

      {location.devices ? (
        <Section title="Devices" total={location.devices.total} shown={location.devices.rows.length} empty={`No device in ${actor.org.name} is at ${location.name}.`}>
          {location.devices.rows.map((d) => (
            <li key={d.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-0.5 px-6 py-3 text-sm">
              <span className="min-w-0">
                <Link href={`/o/${orgId}/devices/${d.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                  {d.name}
                </Link>
                {d.model ? <span className="ml-2 text-slate-500">{d.model}</span> : null}
                <span className="block text-slate-500">{d.orgName}</span>
              </span>
              <span className="text-slate-600">
                {d.ownerId && location.people ? (
                  <Link href={`/o/${orgId}/users/${d.ownerId}`} className="hover:text-brand-700 hover:underline">
                    {d.ownerName}
                  </Link>
                ) : (
                  (d.ownerName ?? <span className="text-slate-400">No owner</span>)
                )}
              </span>
            </li>
          ))}
        </Section>
      ) : null}
    </div>
  );
}

function Section({ title, total, shown, empty, children }: { title: string; total: number; shown: number; empty: string; children: ReactNode }) {
  const id = `location-${title.toLowerCase()}`;
  return (
    <section aria-labelledby={id} className="space-y-2">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {total === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 p-8 text-center text-sm text-slate-500">{empty}</p>
      ) : (
        <>
          <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white shadow-xs">{children}</ul>
          {total > shown ? <p className="text-sm text-slate-500">The first {PROFILE_LIMIT} of {count(total)} are listed; filter the {title.toLowerCase()} table by this location to see them all.</p> : null}
        </>
      )}
    </section>
  );
}
