import "server-only";
import type { z } from "zod";
import { and, eq, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { tags } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write";
import { auditBy, type Actor } from "@/lib/commands/actor";
import { assertAllowed } from "@/lib/commands/authorize";
import { inTransaction } from "@/lib/commands/transaction";
import type { editTagSchema } from "../schemas";
import { orgTarget } from "@/lib/orgs/target";
import { lockTag, nameTaken } from "../target";

/** Renames and/or recolours a tag; a name another tag has (in any case) is a CONFLICT. */
export async function editTag(db: Db, actor: Actor, input: z.output<typeof editTagSchema>): Promise<void> {
  assertAllowed(actor.policy, "tags.edit", orgTarget(actor));
  await inTransaction(db, async (tx) => {
    const tag = await lockTag(tx, actor, input.tagId, "update");
    if (tag.name === input.name && tag.color === input.color) return;
    const [other] = await tx
      .select({ id: tags.id })
      .from(tags)
      .where(and(eq(tags.tenantId, actor.viewer.tenant.id), sql`lower(${tags.name}) = lower(${input.name})`, ne(tags.id, tag.id)))
      .limit(1);
    if (other) throw nameTaken(input.name);
    await tx.update(tags).set({ name: input.name, color: input.color }).where(eq(tags.id, tag.id));
    await writeAudit(tx, { ...auditBy(actor), action: "tag_updated", targetType: "tag", targetId: tag.id, targetLabel: input.name, before: { name: tag.name, color: tag.color }, after: { name: input.name, color: input.color } });
  });
}
