import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { usableLocations } from "@/lib/locations/usable";
import { getActorFor } from "@/lib/orgs/context";
import { may } from "@/lib/policy";
import { usersList } from "@/lib/table/users";
import { tagOptions, tagsOfUsers } from "@/lib/tags/queries";
import { isFiltered } from "@/lib/users/filters";
import { countBelow, listUsers } from "@/lib/users/list";
import { grantableRoles, lastAdminBlocks, rowActions, tenantRoles } from "@/lib/users/page-data";
import { bulkPermissions, toTableRows } from "@/lib/users/table-rows";
import { UsersView } from "../_components/users-view";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage({ params, searchParams }: { params: Promise<{ orgId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { orgId } = await params;
  const actor = await getActorFor(orgId, "users");
  const { policy, viewer } = actor;

  const { url, filters: asked } = usersList.read(await searchParams);
  // "All in reach" only for a viewer who may switch below; the chips then show what is listed.
  const filters = { ...asked, scope: asked.scope === "reach" && may(policy, "orgs.switch") ? ("reach" as const) : ("org" as const) };
  const db = await getDb();
  const now = new Date();
  const cursor = url.after ? { after: url.after } : url.before ? { before: url.before } : undefined;
  const [page, roles, locations] = await Promise.all([
    listUsers(db, actor, { filters, sort: { key: url.sort, dir: url.dir }, size: url.size, cursor }, now),
    tenantRoles(db, viewer.tenant.id),
    usableLocations(db, actor),
  ]);
  const [actions, tags, tagChoices] = await Promise.all([
    rowActions(db, actor, page.rows),
    tagsOfUsers(db, viewer.tenant.id, page.rows.map((r) => r.id)),
    tagOptions(db, actor),
  ]);
  // An empty filtered result in this org says how many match below it (one capped count, only then).
  const below = filters.scope === "org" && isFiltered(filters) && page.total === 0 ? await countBelow(db, actor, filters, now) : null;
  const blocked = await lastAdminBlocks(db, actor.viewer.tenant.id, page.rows, actions);

  const rows = toTableRows(page.rows, { roles, actions, blocked, tags, now, timeZone: viewer.org.timezone });
  const permissions = bulkPermissions(policy);

  return (
    <UsersView
      orgId={actor.org.id}
      orgName={actor.org.name}
      viewerId={viewer.userId}
      rows={rows}
      total={page.total}
      capped={page.capped}
      start={page.start}
      below={below}
      next={page.next}
      prev={page.prev}
      filters={filters}
      roles={roles}
      grantable={grantableRoles(policy, roles)}
      locations={locations}
      tags={tagChoices}
      permissions={permissions}
    />
  );
}
