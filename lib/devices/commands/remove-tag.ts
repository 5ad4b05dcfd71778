import "server-only";
import type { z } from "zod";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { deviceTags } from "@/db/schema";
import type { Actor } from "@/lib/commands/actor";
import type { BulkResult, Skipped } from "@/lib/commands/bulk";
import { isAnyOf } from "@/lib/sql/any-of";
import type { removeDeviceTagSchema } from "@/lib/tags/schemas";
import { lockTag, type TagRef } from "@/lib/tags/target";
import { runOnDevices } from "./run-on-devices";

/** Takes a tag off devices; devices that do not carry it are skipped and named. */
export async function removeDeviceTag(db: Db, actor: Actor, input: z.output<typeof removeDeviceTagSchema>): Promise<BulkResult> {
  let tag = null as TagRef | null;
  return runOnDevices(db, actor, input.deviceIds, {
    action: "tags.remove",
    refuse: async (tx, list) => {
      const chosen = (tag = await lockTag(tx, actor, input.tagId, "share"));
      const has = await tx.select({ deviceId: deviceTags.deviceId }).from(deviceTags).where(and(isAnyOf(deviceTags.deviceId, list.map((d) => d.id)), eq(deviceTags.tagId, chosen.id)));
      const carries = new Set(has.map((r) => r.deviceId));
      const refused = new Map<string, Pick<Skipped, "code" | "refusal" | "reason">>();
      for (const device of list) {
        if (!carries.has(device.id)) refused.set(device.id, { code: "CONFLICT", refusal: "NOT_TAGGED", reason: `This device does not have the tag ${chosen.name}` });
      }
      return refused;
    },
    apply: async (tx, list) => {
      await tx.delete(deviceTags).where(and(eq(deviceTags.tagId, tag!.id), isAnyOf(deviceTags.deviceId, list.map((d) => d.id))));
    },
    audit: () => ({ action: "device_untagged", before: { tag: tag!.name, tagId: tag!.id } }),
  });
}
