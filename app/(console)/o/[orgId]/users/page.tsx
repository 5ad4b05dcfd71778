import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { formatDate, formatLastLogin } from "@/lib/format/dates";
import { roleLabel } from "@/lib/orgs/labels";
import { getOrgContext } from "@/lib/orgs/context";
import { orgTarget } from "@/lib/orgs/queries";
import { can, isAdminRole } from "@/lib/policy";
import { userFiltersSchema } from "@/lib/users/filters";
import { listUsers } from "@/lib/users/list";
import { orgLocations, rowActions, tenantRoles } from "@/lib/users/page-data";
import { loadUsersUrlState } from "@/lib/users/url-state";
import type { BulkPermissions, UserTableRow } from "@/lib/users/view-model";
import { UsersView } from "./_components/users-view";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage({ params, searchParams }: { params: Promise<{ orgId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { orgId } = await params;
  const ctx = await getOrgContext(orgId);
  const { policy, viewer } = ctx;
  const actor = { ...ctx };
  // Without users.view the page does not exist for this viewer, like any page out of reach.
  if (!can(policy, "users.view", orgTarget(ctx))) notFound();

  const url = loadUsersUrlState(await searchParams);
  const roleKeys = /^[a-z][a-z0-9_]{0,39}$/;
  const filters = userFiltersSchema.parse({
    q: url.q.slice(0, 100),
    roles: url.role.filter((r) => roleKeys.test(r)).slice(0, 20),
    statuses: url.status,
    scope: url.scope === "reach" && policy.grants.has("orgs.switch") ? "reach" : "org",
    noDevices: url.nodev,
  });
  const db = await getDb();
  const now = new Date();
  const cursor = url.after ? { after: url.after } : url.before ? { before: url.before } : undefined;
  const [page, roles, locations] = await Promise.all([
    listUsers(db, actor, { filters, sort: { key: url.sort, dir: url.dir }, size: url.size, cursor }, now),
    tenantRoles(db, viewer.tenant.id),
    orgLocations(db, viewer.tenant.id, ctx.org.id),
  ]);
  const actions = await rowActions(db, actor, page.rows);
  const timeZone = viewer.org.timezone;

  const rows: UserTableRow[] = page.rows.map((r) => ({
    id: r.id,
    name: r.name,
    email: r.email,
    orgId: r.orgId,
    orgName: r.orgName,
    role: r.role,
    roleLabel: roles.find((x) => x.key === r.role)?.name ?? roleLabel(r.role),
    location: r.location,
    status: r.status,
    lastLogin: r.status === "pending" ? "Never" : formatLastLogin(r.lastLoginAt, now, timeZone),
    registered: formatDate(r.registeredAt, now, timeZone),
    devices: r.devices,
    actions: actions[r.id] ?? [],
  }));
  const has = (p: Parameters<typeof policy.grants.has>[0]) => policy.grants.has(p);
  const permissions: BulkPermissions = {
    invite: has("users.invite"),
    changeRole: has("users.edit"),
    forceLogout: has("users.force_logout"),
    suspend: has("users.suspend"),
    resend: has("users.invite"),
    delete: has("users.delete"),
    export: has("users.export"),
    tags: has("tags.manage"),
    reach: has("orgs.switch"),
    rolesView: has("roles.view"),
    makeAdmin: isAdminRole(viewer.role),
  };

  return (
    <UsersView
      orgId={ctx.org.id}
      orgName={ctx.org.name}
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
