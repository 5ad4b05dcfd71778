import "server-only";
import { assertAllowed } from "@/lib/commands/authorize";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { devices } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write";
import { auditBy, type Actor } from "@/lib/commands/actor";
import { parseInput } from "@/lib/commands/parse";
import { inTransaction } from "@/lib/commands/transaction";

import { deleteDeviceSchema } from "../schemas";
import { deviceInView } from "../target";

/** Deletes a device in the actor's view (org_devices.delete), confirmed by a typed DELETE. */
export async function deleteDevice(db: Db, actor: Actor, raw: unknown): Promise<void> {
  const input = parseInput(deleteDeviceSchema, raw);
  await inTransaction(db, async (tx) => {
    const { device, org, target } = await deviceInView(tx, actor, input.deviceId);
    assertAllowed(actor.policy, "devices.delete", target);
    await tx.delete(devices).where(eq(devices.id, device.id));
    await writeAudit(tx, { ...auditBy(actor), orgId: org.id, action: "device_deleted", targetType: "device", targetId: device.id, targetLabel: device.name, before: { name: device.name, model: device.model, org: org.name } });
  });
}
