import "server-only";
import type { z } from "zod";
import { and, count, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { deviceTags } from "@/db/schema";
import type { Actor } from "@/lib/commands/actor";
import type { BulkResult, Skipped } from "@/lib/commands/bulk";
import { checkTagLimit } from "@/lib/policy";
import { isAnyOf } from "@/lib/sql/any-of";
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
    refuse: async (tx, list) => {
      const chosen = (tag = await resolveTag(tx, actor, input.tag));
      const ids = list.map((d) => d.id);
      const counts = await tx.select({ deviceId: deviceTags.deviceId, n: count() }).from(deviceTags).where(isAnyOf(deviceTags.deviceId, ids)).groupBy(deviceTags.deviceId);
      const has = await tx.select({ deviceId: deviceTags.deviceId }).from(deviceTags).where(and(isAnyOf(deviceTags.deviceId, ids), eq(deviceTags.tagId, chosen.id)));
      const already = new Set(has.map((r) => r.deviceId));
      const byDevice = new Map(counts.map((c) => [c.deviceId, c.n]));
      const refused = new Map<string, Pick<Skipped, "code" | "refusal" | "reason">>();
      for (const device of list) {
        if (already.has(device.id)) {
          refused.set(device.id, { code: "CONFLICT", refusal: "ALREADY_TAGGED", reason: `This device already has the tag ${chosen.name}` });
          continue;
        }
        const check = checkTagLimit({ tagsOnUser: byDevice.get(device.id) ?? 0, adding: 1, userName: device.name });
        if (!check.ok) refused.set(device.id, { code: check.code, refusal: check.refusal, reason: check.reason });
      }
      return refused;
    },
    apply: async (tx, list) => {
      await tx
        .insert(deviceTags)
        .values(list.map((d) => ({ tenantId, deviceId: d.id, tagId: tag!.id })))
        .onConflictDoNothing();
    },
    audit: () => ({ action: "device_tagged", after: { tag: tag!.name, tagId: tag!.id } }),
  });
  return { ...result, tagId: tag?.id ?? "" };
}
