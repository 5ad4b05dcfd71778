import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Executor, Tx } from "@/db/client";
import { devices, organizations, type Device } from "@/db/schema";
import type { Actor } from "@/lib/commands/actor";
import { notFound } from "@/lib/errors";
import type { DeviceTarget, OrgRef } from "@/lib/policy";
import { pathAtOrBelow } from "@/lib/orgs/subtree-sql";
import { isAnyOf } from "@/lib/sql/any-of";
import { isUuid } from "@/lib/sql/uuid";

export type ScopedDevice = { device: Device; org: OrgRef; target: DeviceTarget };

/**
 * The devices among `ids` in the actor's view (tenant and org subtree), in id order, with what
 * the policy needs of each; locked for update when asked. Ids outside the view are simply absent.
 */
export async function devicesInView(db: Executor, actor: Actor, ids: readonly string[], options: { lock?: boolean } = {}): Promise<ScopedDevice[]> {
  // A hand-edited URL's id that is not a uuid names nothing, rather than a Postgres cast error.
  ids = ids.filter(isUuid);
  if (ids.length === 0) return [];
  const tenantId = actor.viewer.tenant.id;
  const query = db
    .select({ device: devices, org: organizations })
    .from(devices)
    .innerJoin(organizations, eq(organizations.id, devices.orgId))
    .where(and(isAnyOf(devices.id, ids), eq(devices.tenantId, tenantId), pathAtOrBelow(organizations.path, actor.org.path)))
    .orderBy(asc(devices.id));
  const rows = options.lock ? await query.for("update", { of: devices }) : await query;
  return rows.map((row) => {
    const org: OrgRef = { id: row.org.id, tenantId: row.org.tenantId, path: row.org.path, depth: row.org.depth, name: row.org.name };
    return { device: row.device, org, target: { kind: "device", id: row.device.id, tenantId, org, ownerId: row.device.ownerId } };
  });
}

/**
 * A device in the actor's view (tenant and org subtree), locked for update, with what the policy
 * needs of it; anything else is "not found".
 */
export async function deviceInView(tx: Tx, actor: Actor, deviceId: string): Promise<ScopedDevice> {
  const [found] = await devicesInView(tx, actor, [deviceId], { lock: true });
  if (!found) throw notFound();
  return found;
}
