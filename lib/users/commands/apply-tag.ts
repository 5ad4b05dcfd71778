import "server-only";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { userTags } from "@/db/schema";
import type { Actor } from "@/lib/commands/actor";
import type { BulkResult } from "@/lib/commands/bulk";
import { refuseApplying, USER_TAGS } from "@/lib/tags/refusals";
import type { applyUserTagSchema } from "@/lib/tags/schemas";
import { resolveTag, type TagRef } from "@/lib/tags/target";
import { runOnUsers } from "./run-on-users";

/**
 * Tags users with one of the tenant's tags, or a new one by name; users who have it already, or
 * five tags, are skipped. The users' rows are locked (runOnUsers) before their tags are counted,
 * so two admins adding a sixth tag at once cannot both pass the count.
 */
export async function applyTag(db: Db, actor: Actor, input: z.output<typeof applyUserTagSchema>): Promise<BulkResult & { tagId: string }> {
  const tenantId = actor.viewer.tenant.id;
  let tag = null as TagRef | null;
  const result = await runOnUsers(db, actor, input, {
    action: "tags.apply",
    refuse: async (tx, list) => refuseApplying(tx, USER_TAGS, list, (tag = await resolveTag(tx, actor, input.tag))),
    apply: async (tx, list) => {
      await tx
        .insert(userTags)
        .values(list.map((u) => ({ tenantId, userId: u.id, tagId: tag!.id })))
        .onConflictDoNothing();
    },
    audit: () => ({ action: "user_tagged", after: { tag: tag!.name, tagId: tag!.id } }),
  });
  return { ...result, tagId: tag?.id ?? "" };
}
