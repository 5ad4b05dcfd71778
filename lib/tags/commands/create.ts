import "server-only";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { tags } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write";
import { auditBy, type Actor } from "@/lib/commands/actor";
import { assertAllowed } from "@/lib/commands/authorize";
import { inTransaction } from "@/lib/commands/transaction";
import type { createTagSchema } from "../schemas";
import { nameTaken, tagsTarget } from "../target";

/** Adds a tag to the tenant; its name is unique in any case. */
export async function createTag(db: Db, actor: Actor, input: z.output<typeof createTagSchema>): Promise<{ id: string }> {
  assertAllowed(actor.policy, "tags.manage", tagsTarget(actor));
  return inTransaction(db, async (tx) => {
    const tenantId = actor.viewer.tenant.id;
    // The unique index decides between two creators of one name: the loser inserts nothing.
    const [tag] = await tx.insert(tags).values({ tenantId, name: input.name, color: input.color }).onConflictDoNothing().returning({ id: tags.id });
    if (!tag) throw nameTaken(input.name);
    await writeAudit(tx, { ...auditBy(actor), action: "tag_created", targetType: "tag", targetId: tag.id, targetLabel: input.name, after: { name: input.name, color: input.color } });
    return tag;
  });
}
