import "server-only";
import type { z } from "zod";
import { count, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { deviceTags, tags, userTags } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write";
import { auditBy, type Actor } from "@/lib/commands/actor";
import { assertAllowed } from "@/lib/commands/authorize";
import { inTransaction } from "@/lib/commands/transaction";
import type { deleteTagSchema } from "../schemas";
import { orgTarget } from "@/lib/orgs/target";
import { lockTag } from "../target";

/**
 * Deletes a tag of the tenant: everyone and everything loses it (the cascade), recorded as one
 * audit row with how many people and devices carried it, not one row per person.
 */
export async function deleteTag(db: Db, actor: Actor, input: z.output<typeof deleteTagSchema>): Promise<{ people: number; devices: number }> {
  assertAllowed(actor.policy, "tags.edit", orgTarget(actor));
  return inTransaction(db, async (tx) => {
    const tag = await lockTag(tx, actor, input.tagId, "update");
    const [people] = await tx.select({ n: count() }).from(userTags).where(eq(userTags.tagId, tag.id));
    const [devices] = await tx.select({ n: count() }).from(deviceTags).where(eq(deviceTags.tagId, tag.id));
    const counts = { people: people?.n ?? 0, devices: devices?.n ?? 0 };
    await tx.delete(tags).where(eq(tags.id, tag.id));
    await writeAudit(tx, { ...auditBy(actor), action: "tag_deleted", targetType: "tag", targetId: tag.id, targetLabel: tag.name, before: { name: tag.name, color: tag.color }, after: counts });
    return counts;
  });
}
