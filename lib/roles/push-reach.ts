import "server-only";
import { and, count, ne } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { organizations } from "@/db/schema";
import type { Actor } from "@/lib/commands/actor";
import { assertAllowed } from "@/lib/commands/authorize";
import { orgsAtOrBelow } from "@/lib/orgs/subtree-sql";

/** The orgs "every sub-organization" means when pushing grants: strictly below the actor's org. */
const belowActorOrg = (actor: Actor) => and(orgsAtOrBelow(actor.viewer.tenant.id, actor.org.path), ne(organizations.id, actor.org.id));

/** The ids a push reaches (the command writes to these). */
export async function pushTargets(db: Executor, actor: Actor): Promise<string[]> {
  return (await db.select({ id: organizations.id }).from(organizations).where(belowActorOrg(actor))).map((o) => o.id);
}

/** How many orgs a push would reach (the confirmation says so before anyone types APPLY). */
export async function pushReach(db: Executor, actor: Actor): Promise<number> {
  assertAllowed(actor.policy, "roles.edit", { kind: "tenant", tenantId: actor.viewer.tenant.id });
  const [row] = await db.select({ n: count() }).from(organizations).where(belowActorOrg(actor));
  return row?.n ?? 0;
}
