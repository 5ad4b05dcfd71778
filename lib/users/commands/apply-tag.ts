import "server-only";
import type { z } from "zod";
import { and, count, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { userTags } from "@/db/schema";
import type { Actor } from "@/lib/commands/actor";
import type { BulkResult, Skipped } from "@/lib/commands/bulk";
import { checkTagLimit } from "@/lib/policy";
import { isAnyOf } from "@/lib/sql/any-of";
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
    refuse: async (tx, list) => {
      const chosen = (tag = await resolveTag(tx, actor, input.tag));
      const ids = list.map((u) => u.id);
      const counts = await tx.select({ userId: userTags.userId, n: count() }).from(userTags).where(isAnyOf(userTags.userId, ids)).groupBy(userTags.userId);
      const has = await tx.select({ userId: userTags.userId }).from(userTags).where(and(isAnyOf(userTags.userId, ids), eq(userTags.tagId, chosen.id)));
      const already = new Set(has.map((r) => r.userId));
      const byUser = new Map(counts.map((c) => [c.userId, c.n]));
      const refused = new Map<string, Pick<Skipped, "code" | "refusal" | "reason">>();
      for (const user of list) {
        // Reported, not counted as tagged: nothing changes, so nothing goes in the audit log.
        if (already.has(user.id)) {
          refused.set(user.id, { code: "CONFLICT", refusal: "ALREADY_TAGGED", reason: `This user already has the tag ${chosen.name}` });
          continue;
        }
        const check = checkTagLimit({ tagsOnUser: byUser.get(user.id) ?? 0, adding: 1, userName: user.name });
        if (!check.ok) refused.set(user.id, { code: check.code, refusal: check.refusal, reason: check.reason });
      }
      return refused;
    },
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
