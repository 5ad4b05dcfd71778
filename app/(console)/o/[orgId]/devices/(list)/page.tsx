import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { listDevices } from "@/lib/devices/list";
import { usableLocations } from "@/lib/locations/usable";
import { formatDate } from "@/lib/format/dates";
import { getActor } from "@/lib/orgs/context";
import { adminsWhoCanHelp } from "@/lib/orgs/resolve";
import { orgsInView } from "@/lib/users/page-data";
import { may, mayViewLocations, PERMISSIONS, planHasSubOrgs } from "@/lib/policy";
import { devicesList } from "@/lib/table/devices";
import { tagOptions } from "@/lib/tags/queries";
import { DevicesView, type DeviceTableRow } from "../_components/devices-view";

export const metadata: Metadata = { title: "Devices" };

export default async function DevicesPage({ params, searchParams }: { params: Promise<{ orgId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { orgId } = await params;
  const actor = await getActor(orgId);
  const db = await getDb();
  const { url, filters } = devicesList.read(await searchParams);
  const page = await listDevices(db, actor, { ...filters, sort: url.sort, dir: url.dir, page: url.page, size: url.size });

  if (!page) {
    const helpers = await adminsWhoCanHelp(db, actor.org);
    return (
      <div className="mx-auto max-w-2xl rounded-xl border border-amber-200 bg-amber-50 p-8">
        <h1 className="text-xl font-semibold text-amber-950">No devices to show</h1>
        <p className="mt-3 text-amber-900">
          Your role in {actor.org.name} does not have the <strong>{PERMISSIONS["own_devices.view"].label}</strong> permission, so even the devices you own stay hidden.
        </p>
        <p className="mt-3 text-amber-900">
          {helpers ? (
            <>
              An Admin of {helpers.orgName} can grant it: {helpers.names.join(", ")}.
            </>
          ) : (
            "An Admin of your organization can grant it."
          )}
        </p>
      </div>
    );
  }

  const now = new Date();
  const { policy } = actor;
  // Rows are scoped in SQL to the org shown (and below); the permissions decide the row menu.
  const rows: DeviceTableRow[] = page.rows.map((d) => ({
    ...d,
    created: formatDate(d.createdAt, now, actor.viewer.org.timezone),
    canTransfer: page.view === "org" && may(policy, "devices.transfer"),
    canDelete: page.view === "org" && may(policy, "devices.delete"),
    canTag: may(policy, "tags.apply"),
  }));
  const canManage = page.view === "org" && (may(policy, "devices.transfer") || may(policy, "devices.create"));
  // The people who could own a device are searched from the dialogs, not sent with the page.
  const [orgs, locations, tags] = await Promise.all([canManage ? orgsInView(db, actor) : [], mayViewLocations(policy) ? usableLocations(db, actor) : [], tagOptions(db, actor)]);

  return (
    <DevicesView
      orgId={actor.org.id}
      orgName={actor.org.name}
      view={page.view}
      rows={rows}
      total={page.total}
      capped={page.capped}
      page={page.page}
      pages={page.pages}
      filters={filters}
      orgs={orgs}
      canCreate={page.view === "org" && may(policy, "devices.create")}
      bulk={{ delete: page.view === "org" && may(policy, "devices.delete"), location: page.view === "org" && may(policy, "locations.assign"), tag: may(policy, "tags.apply") }}
      locations={locations}
      tags={tags}
      canReach={page.view === "org" && may(policy, "orgs.switch") && planHasSubOrgs(policy.limits ?? policy.plan)}
    />
  );
}
