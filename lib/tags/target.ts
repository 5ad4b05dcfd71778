import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { tags } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write";
import { auditBy, type Actor } from "@/lib/commands/actor";
import { assertAllowed } from "@/lib/commands/authorize";
import { DomainError, notFound } from "@/lib/errors";
import type { TagChoice, TagColor } from "./schemas";

export type TagRef = { id: string; name: string; color: TagColor };

/** The policy's target for managing the tenant's tags. */
export const tagsTarget = (actor: Actor) => ({ kind: "tenant" as const, tenantId: actor.viewer.tenant.id });

/**
 * A tag of the actor's tenant, locked: "update" for a change to the tag itself, "share" for
 * applying it, so a concurrent delete either waits for the apply or wins and it is not found.
 */
export async function lockTag(tx: Tx, actor: Actor, tagId: string, mode: "update" | "share"): Promise<TagRef> {
  const [tag] = await tx
    .select({ id: tags.id, name: tags.name, color: tags.color })
    .from(tags)
    .where(and(eq(tags.id, tagId), eq(tags.tenantId, actor.viewer.tenant.id)))
    .for(mode);
  if (!tag) throw notFound();
  return tag as TagRef;
}

/**
 * The tag an apply asked for: one of the tenant's by id, or by name — the existing tag of that
 * name in any case, else a new one (needs tags.manage; audited as created).
 */
export async function resolveTag(tx: Tx, actor: Actor, choice: TagChoice): Promise<TagRef> {
  if ("id" in choice) return lockTag(tx, actor, choice.id, "share");
  assertAllowed(actor.policy, "tags.manage", tagsTarget(actor));
  const tenantId = actor.viewer.tenant.id;
  const [created] = await tx.insert(tags).values({ tenantId, name: choice.name, color: choice.color }).onConflictDoNothing().returning({ id: tags.id });
  if (created) await writeAudit(tx, { ...auditBy(actor), action: "tag_created", targetType: "tag", targetId: created.id, targetLabel: choice.name, after: { name: choice.name, color: choice.color } });
  const [tag] = await tx
    .select({ id: tags.id })
    .from(tags)
    .where(and(eq(tags.tenantId, tenantId), sql`lower(${tags.name}) = lower(${choice.name})`));
  // Deleted between the insert that found it taken and this read.
  if (!tag) throw notFound();
  return lockTag(tx, actor, tag.id, "share");
}

export const nameTaken = (name: string) => new DomainError("CONFLICT", `There is already a tag named “${name}”.`, { field: "name", refusal: "TAG_NAME_TAKEN" });
