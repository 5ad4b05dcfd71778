import "server-only";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { devices } from "@/db/schema";
import type { Actor } from "@/lib/commands/actor";
import type { BulkResult } from "@/lib/commands/bulk";
import { isAnyOf } from "@/lib/sql/any-of";
import { single } from "@/lib/users/commands/run-on-users";
import { deleteDeviceSchema, deleteDevicesSchema } from "../schemas";
import { runOnDevices } from "./run-on-devices";

/** Deletes the devices named that the actor may delete (org_devices.delete), confirmed by a typed DELETE; reports the others. */
export async function deleteDevices(db: Db, actor: Actor, input: z.output<typeof deleteDevicesSchema>): Promise<BulkResult> {
  return runOnDevices(db, actor, input.deviceIds, {
    action: "devices.delete",
    apply: async (tx, list) => {
      await tx.delete(devices).where(isAnyOf(devices.id, list.map((d) => d.device.id)));
    },
    audit: ({ device, org }) => ({ action: "device_deleted", before: { name: device.name, model: device.model, org: org.name } }),
  });
}

/** Deletes one device in the actor's view; its one refusal is the error. */
export async function deleteDevice(db: Db, actor: Actor, input: z.output<typeof deleteDeviceSchema>): Promise<void> {
  single(await deleteDevices(db, actor, { orgId: input.orgId, deviceIds: [input.deviceId], confirm: input.confirm }));
}
