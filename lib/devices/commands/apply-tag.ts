import "server-only";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { deviceTags } from "@/db/schema";
import type { Actor } from "@/lib/commands/actor";
import type { BulkResult } from "@/lib/commands/bulk";
import { DEVICE_TAGS, refuseApplying } from "@/lib/tags/refusals";
import type { applyDeviceTagSchema } from "@/lib/tags/schemas";
import { resolveTag, type TagRef } from "@/lib/tags/target";
import { runOnDevices } from "./run-on-devices";

/**
 * Tags devices with one of the tenant's tags, or a new one by name; devices that have it, or
 * five tags, are skipped. The device rows are locked before their tags are counted, so two
 * admins adding a sixth tag at once cannot both pass the count.
 */
export async function applyDeviceTag(db: Db, actor: Actor, input: z.output<typeof applyDeviceTagSchema>): Promise<BulkResult & { tagId: string }> {
  const tenantId = actor.viewer.tenant.id;
  let tag = null as TagRef | null;
  const result = await runOnDevices(db, actor, input.deviceIds, {
    action: "tags.apply",
    refuse: async (tx, list) => refuseApplying(tx, DEVICE_TAGS, list.map((d) => ({ id: d.device.id, name: d.device.name })), (tag = await resolveTag(tx, actor, input.tag))),
    apply: async (tx, list) => {
      await tx
        .insert(deviceTags)
        .values(list.map((d) => ({ tenantId, deviceId: d.device.id, tagId: tag!.id })))
        .onConflictDoNothing();
    },
    audit: () => ({ action: "device_tagged", after: { tag: tag!.name, tagId: tag!.id } }),
  });
  return { ...result, tagId: tag?.id ?? "" };
}
