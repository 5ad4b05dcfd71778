import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/orgs/context";
import { orgTarget } from "@/lib/orgs/target";
import { can, may } from "@/lib/policy";
import { userFiltersSchema } from "@/lib/users/filters";
import { listUsers } from "@/lib/users/list";
import { orgLocations, rowActions, tenantRoles } from "@/lib/users/page-data";
import { bulkPermissions, toTableRows } from "@/lib/users/table-rows";
import { loadUsersUrlState } from "@/lib/users/url-state";
import { UsersView } from "./_components/users-view";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage({ params, searchParams }: { params: Promise<{ orgId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { orgId } = await params;
  const actor = await getActor(orgId);
  const { policy, viewer } = actor;
  // Without users.view the page does not exist for this viewer, like any page out of reach.
  if (!can(policy, "users.view", orgTarget(actor))) notFound();

  const url = loadUsersUrlState(await searchParams);
  const roleKeys = /^[a-z][a-z0-9_]{0,39}$/;
  const filters = userFiltersSchema.parse({
    q: url.q.slice(0, 100),
    roles: url.role.filter((r) => roleKeys.test(r)).slice(0, 20),
    statuses: url.status,
    scope: url.scope === "reach" && may(policy, "orgs.switch") ? "reach" : "org",
    noDevices: url.nodev,
  });
  const db = await getDb();
  const now = new Date();
  const cursor = url.after ? { after: url.after } : url.before ? { before: url.before } : undefined;
  const [page, roles, locations] = await Promise.all([
    listUsers(db, actor, { filters, sort: { key: url.sort, dir: url.dir }, size: url.size, cursor }, now),
    tenantRoles(db, viewer.tenant.id),
    orgLocations(db, viewer.tenant.id, actor.org.id),
  ]);
  const actions = await rowActions(db, actor, page.rows);

  const rows = toTableRows(page.rows, { roles, actions, now, timeZone: viewer.org.timezone });
  const permissions = bulkPermissions(policy);

  return (
    <UsersView
      orgId={actor.org.id}
      orgName={actor.org.name}
      viewerId={viewer.userId}
      rows={rows}
      total={page.total}
      capped={page.capped}
      next={page.next}
      prev={page.prev}
      filters={filters}
      roles={roles}
      locations={locations}
      permissions={permissions}
    />
  );
}
