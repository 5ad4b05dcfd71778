import "server-only";
import { and, count, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import type { Actor } from "@/lib/commands/actor";
import { devices, organizations, users } from "@/db/schema";
import { can, devicesInSight, heldPermissions, PERMISSION_GROUPS, PERMISSIONS, planHasSubOrgs, planShowsPermission, type Permission } from "@/lib/policy";
import { orgTarget } from "./target";

export type OrgOverview = {
  users: number | null;
  devices: number | null;
  subOrgs: number | null;
  ownDevices: number | null;
  permissions: Array<{ group: string; labels: string[] }>;
};

/** The figures of the overview page; each only when the viewer may see what it counts. */
export async function orgOverview(db: Executor, actor: Actor): Promise<OrgOverview> {
  const target = orgTarget(actor);
  const { org, policy } = actor;
  const held = heldPermissions(policy);
  const plan = policy.limits ?? policy.plan;

  const [userCount, deviceCount, subOrgCount, ownDeviceCount] = await Promise.all([
    can(policy, "users.view", target) ? db.select({ n: count() }).from(users).where(and(eq(users.tenantId, org.tenantId), eq(users.orgId, org.id))) : null,
    devicesInSight(policy) === "org" ? db.select({ n: count() }).from(devices).where(and(eq(devices.tenantId, org.tenantId), eq(devices.orgId, org.id))) : null,
    can(policy, "orgs.switch", target) && planHasSubOrgs(plan)
      ? db.select({ n: count() }).from(organizations).where(and(eq(organizations.tenantId, org.tenantId), eq(organizations.parentId, org.id)))
      : null,
    held.includes("own_devices.view")
      ? db.select({ n: count() }).from(devices).where(and(eq(devices.tenantId, org.tenantId), eq(devices.orgId, org.id), eq(devices.ownerId, policy.userId)))
      : null,
  ]);

  const permissions = PERMISSION_GROUPS.map((group) => ({
    group: group.label,
    labels: group.keys
      .filter((key: Permission) => held.includes(key) && planShowsPermission(plan, key))
      .map((key: Permission) => PERMISSIONS[key].label),
  })).filter((group) => group.labels.length > 0);

  return {
    users: userCount?.[0]?.n ?? null,
    devices: deviceCount?.[0]?.n ?? null,
    subOrgs: subOrgCount?.[0]?.n ?? null,
    ownDevices: ownDeviceCount?.[0]?.n ?? null,
    permissions,
  };
}
