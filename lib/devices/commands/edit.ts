import "server-only";
import type { z } from "zod";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { devices } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write";
import { auditBy, type Actor } from "@/lib/commands/actor";
import { assertAllowed } from "@/lib/commands/authorize";
import { inTransaction } from "@/lib/commands/transaction";
import { editDeviceSchema } from "../schemas";
import { deviceInView } from "../target";

/** Renames a device or changes its model (org_devices.edit); saving what is already there writes nothing. */
export async function editDevice(db: Db, actor: Actor, input: z.output<typeof editDeviceSchema>): Promise<void> {
  await inTransaction(db, async (tx) => {
    const { device, org, target } = await deviceInView(tx, actor, input.deviceId);
    assertAllowed(actor.policy, "devices.edit", target);
    if (device.name === input.name && device.model === input.model) return;
    await tx.update(devices).set({ name: input.name, model: input.model }).where(eq(devices.id, device.id));
    await writeAudit(tx, {
      ...auditBy(actor),
      orgId: org.id,
      action: "device_updated",
      targetType: "device",
      targetId: device.id,
      targetLabel: input.name,
      before: { name: device.name, model: device.model },
      after: { name: input.name, model: input.model },
    });
  });
}
