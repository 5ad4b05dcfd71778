import "server-only";
import type { z } from "zod";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { userTags } from "@/db/schema";
import type { Actor } from "@/lib/commands/actor";
import type { BulkResult } from "@/lib/commands/bulk";
import { isAnyOf } from "@/lib/sql/any-of";
import { refuseRemoving, USER_TAGS } from "@/lib/tags/refusals";
import type { removeUserTagSchema } from "@/lib/tags/schemas";
import { lockTag, type TagRef } from "@/lib/tags/target";
import { runOnUsers } from "./run-on-users";

/** Takes a tag off users; users who do not carry it are skipped and named. */
export async function removeTag(db: Db, actor: Actor, input: z.output<typeof removeUserTagSchema>): Promise<BulkResult> {
  let tag = null as TagRef | null;
  return runOnUsers(db, actor, input, {
    action: "tags.remove",
    refuse: async (tx, list) => refuseRemoving(tx, USER_TAGS, list, (tag = await lockTag(tx, actor, input.tagId, "share"))),
    apply: async (tx, list) => {
      await tx.delete(userTags).where(and(eq(userTags.tagId, tag!.id), isAnyOf(userTags.userId, list.map((u) => u.id))));
    },
    audit: () => ({ action: "user_untagged", before: { tag: tag!.name, tagId: tag!.id } }),
  });
}
