import "server-only";
import { and, asc, eq, isNotNull, like } from "drizzle-orm";
import type { Db } from "@/db/client";
import { organizations, users } from "@/db/schema";
import type { Actor } from "@/lib/commands/actor";
import { escapeLike } from "@/lib/sql/like";

export type OwnerOption = { id: string; name: string; email: string; orgId: string; hasLoggedIn: boolean };

/** People in the actor's view who could own a device (the transfer and add dialogs list them). */
export async function ownerCandidates(db: Db, actor: Actor): Promise<OwnerOption[]> {
  const rows = await db
    .select({ id: users.id, name: users.name, email: users.email, orgId: users.orgId, lastLoginAt: users.lastLoginAt })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.orgId))
    .where(and(eq(users.tenantId, actor.viewer.tenant.id), like(organizations.path, `${escapeLike(actor.org.path)}%`), isNotNull(users.acceptedAt)))
    .orderBy(asc(users.name))
    .limit(1_000);
  return rows.map(({ lastLoginAt, ...r }) => ({ ...r, hasLoggedIn: lastLoginAt !== null }));
}
