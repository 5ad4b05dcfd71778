import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { organizations } from "@/db/schema";
import type { Actor } from "@/lib/commands/actor";
import { isAnyOf } from "@/lib/sql/any-of";

export type TrailOrg = { id: string; name: string };

/**
 * The header's "where am I": the orgs from the viewer's own org (where their reach starts, so a
 * sub-org member never sees the names above it) down to the one shown, top first.
 */
export async function orgTrail(db: Executor, actor: Actor): Promise<TrailOrg[]> {
  const { viewer, org } = actor;
  const ids = org.path.slice(0, -1).split("/").slice(viewer.org.depth - 1);
  if (ids.length <= 1) return [{ id: org.id, name: org.name }];
  return db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(and(eq(organizations.tenantId, viewer.tenant.id), isAnyOf(organizations.id, ids)))
    .orderBy(asc(organizations.depth));
}
