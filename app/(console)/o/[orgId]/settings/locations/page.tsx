import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { listLocations } from "@/lib/locations/list";
import { getActorFor } from "@/lib/orgs/context";
import { orgTarget } from "@/lib/orgs/target";
import { can } from "@/lib/policy";
import { locationsList } from "@/lib/table/locations";
import { LocationsView } from "./_components/locations-view";

export const metadata: Metadata = { title: "Locations" };

export default async function LocationsPage({ params, searchParams }: { params: Promise<{ orgId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { orgId } = await params;
  const actor = await getActorFor(orgId, "locations");
  const { url, filters } = locationsList.read(await searchParams);
  const page = await listLocations(await getDb(), actor, { q: filters.q, sort: url.sort, dir: url.dir, page: url.page, size: url.size });
  return (
    <LocationsView
      orgId={actor.org.id}
      orgName={actor.org.name}
      rows={page.rows}
      total={page.total}
      page={page.page}
      pages={page.pages}
      canManage={can(actor.policy, "locations.manage", orgTarget(actor))}
    />
  );
}
