import "server-only";
import type { z } from "zod";
import { assertAllowed } from "@/lib/commands/authorize";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { devices } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write";
import { auditBy, type Actor } from "@/lib/commands/actor";
import { inTransaction } from "@/lib/commands/transaction";

import { deleteDeviceSchema } from "../schemas";
import { deviceInView } from "../target";

/** Deletes a device in the actor's view (org_devices.delete), confirmed by a typed DELETE. */
export async function deleteDevice(db: Db, actor: Actor, input: z.output<typeof deleteDeviceSchema>): Promise<void> {
  await inTransaction(db, async (tx) => {
    const { device, org, target } = await deviceInView(tx, actor, input.deviceId);
    assertAllowed(actor.policy, "devices.delete", target);
    await tx.delete(devices).where(eq(devices.id, device.id));
    await writeAudit(tx, { ...auditBy(actor), orgId: org.id, action: "device_deleted", targetType: "device", targetId: device.id, targetLabel: device.name, before: { name: device.name, model: device.model, org: org.name } });
  });
}
