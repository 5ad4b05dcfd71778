import "server-only";
import type { z } from "zod";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { userTags } from "@/db/schema";
import type { Actor } from "@/lib/commands/actor";
import type { BulkResult, Skipped } from "@/lib/commands/bulk";
import { isAnyOf } from "@/lib/sql/any-of";
import type { removeUserTagSchema } from "@/lib/tags/schemas";
import { lockTag, type TagRef } from "@/lib/tags/target";
import { runOnUsers } from "./run-on-users";

/** Takes a tag off users; users who do not carry it are skipped and named. */
export async function removeTag(db: Db, actor: Actor, input: z.output<typeof removeUserTagSchema>): Promise<BulkResult> {
  let tag = null as TagRef | null;
  return runOnUsers(db, actor, input, {
    action: "tags.remove",
    refuse: async (tx, list) => {
      const chosen = (tag = await lockTag(tx, actor, input.tagId, "share"));
      const has = await tx.select({ userId: userTags.userId }).from(userTags).where(and(isAnyOf(userTags.userId, list.map((u) => u.id)), eq(userTags.tagId, chosen.id)));
      const carries = new Set(has.map((r) => r.userId));
      const refused = new Map<string, Pick<Skipped, "code" | "refusal" | "reason">>();
      for (const user of list) {
        if (!carries.has(user.id)) refused.set(user.id, { code: "CONFLICT", refusal: "NOT_TAGGED", reason: `This user does not have the tag ${chosen.name}` });
      }
      return refused;
    },
    apply: async (tx, list) => {
      await tx.delete(userTags).where(and(eq(userTags.tagId, tag!.id), isAnyOf(userTags.userId, list.map((u) => u.id))));
    },
    audit: () => ({ action: "user_untagged", before: { tag: tag!.name, tagId: tag!.id } }),
  });
}
