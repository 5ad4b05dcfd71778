import "server-only";
import type { z } from "zod";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { deviceTags } from "@/db/schema";
import type { Actor } from "@/lib/commands/actor";
import type { BulkResult } from "@/lib/commands/bulk";
import { isAnyOf } from "@/lib/sql/any-of";
import { DEVICE_TAGS, refuseRemoving } from "@/lib/tags/refusals";
import type { removeDeviceTagSchema } from "@/lib/tags/schemas";
import { lockTag, type TagRef } from "@/lib/tags/target";
import { runOnDevices } from "./run-on-devices";

/** Takes a tag off devices; devices that do not carry it are skipped and named. */
export async function removeDeviceTag(db: Db, actor: Actor, input: z.output<typeof removeDeviceTagSchema>): Promise<BulkResult> {
  let tag = null as TagRef | null;
  return runOnDevices(db, actor, input.deviceIds, {
    action: "tags.remove",
    refuse: async (tx, list) => refuseRemoving(tx, DEVICE_TAGS, list.map((d) => ({ id: d.device.id, name: d.device.name })), (tag = await lockTag(tx, actor, input.tagId, "share"))),
    apply: async (tx, list) => {
      await tx.delete(deviceTags).where(and(eq(deviceTags.tagId, tag!.id), isAnyOf(deviceTags.deviceId, list.map((d) => d.device.id))));
    },
    audit: () => ({ action: "device_untagged", before: { tag: tag!.name, tagId: tag!.id } }),
  });
}
