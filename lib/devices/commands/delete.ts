import "server-only";
import { assertAllowed } from "@/lib/commands/authorize";
import { and, eq, like } from "drizzle-orm";
import type { Db } from "@/db/client";
import { devices, organizations } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write";
import { auditBy, type Actor } from "@/lib/commands/actor";
import { parseInput } from "@/lib/commands/parse";
import { inTransaction } from "@/lib/commands/transaction";
import { notFound } from "@/lib/errors";

import { escapeLike } from "@/lib/sql/like";
import { deleteDeviceSchema } from "../schemas";

/** Deletes a device in the actor's view (org_devices.delete), confirmed by a typed DELETE. */
export async function deleteDevice(db: Db, actor: Actor, raw: unknown): Promise<void> {
  const input = parseInput(deleteDeviceSchema, raw);
  const tenantId = actor.viewer.tenant.id;
  await inTransaction(db, async (tx) => {
    const [row] = await tx
      .select({ device: devices, org: organizations })
      .from(devices)
      .innerJoin(organizations, eq(organizations.id, devices.orgId))
      .where(and(eq(devices.id, input.deviceId), eq(devices.tenantId, tenantId), like(organizations.path, `${escapeLike(actor.org.path)}%`)))
      .for("update", { of: devices });
    if (!row) throw notFound();
    const { org } = row;
    assertAllowed(actor.policy, "devices.delete", {
      kind: "device",
      id: row.device.id,
      tenantId,
      org: { id: org.id, tenantId: org.tenantId, path: org.path, depth: org.depth, name: org.name },
      ownerId: row.device.ownerId,
    });
    await tx.delete(devices).where(eq(devices.id, row.device.id));
    await writeAudit(tx, { ...auditBy(actor), orgId: org.id, action: "device_deleted", targetType: "device", targetId: row.device.id, targetLabel: row.device.name, before: { name: row.device.name, model: row.device.model, org: org.name } });
  });
}
