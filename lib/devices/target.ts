import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { devices, organizations, type Device } from "@/db/schema";
import type { Actor } from "@/lib/commands/actor";
import { notFound } from "@/lib/errors";
import type { DeviceTarget, OrgRef } from "@/lib/policy";
import { pathAtOrBelow } from "@/lib/orgs/subtree-sql";

/**
 * A device in the actor's view (tenant and org subtree), locked for update, with what the policy
 * needs of it; anything else is "not found".
 */
export async function deviceInView(tx: Tx, actor: Actor, deviceId: string): Promise<{ device: Device; org: OrgRef; target: DeviceTarget }> {
  const tenantId = actor.viewer.tenant.id;
  const [row] = await tx
    .select({ device: devices, org: organizations })
    .from(devices)
    .innerJoin(organizations, eq(organizations.id, devices.orgId))
    .where(and(eq(devices.id, deviceId), eq(devices.tenantId, tenantId), pathAtOrBelow(organizations.path, actor.org.path)))
    .for("update", { of: devices });
  if (!row) throw notFound();
  const org: OrgRef = { id: row.org.id, tenantId: row.org.tenantId, path: row.org.path, depth: row.org.depth, name: row.org.name };
  return { device: row.device, org, target: { kind: "device", id: row.device.id, tenantId, org, ownerId: row.device.ownerId } };
}
