import "server-only";
import { and, asc, eq, ilike, isNotNull, or } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { organizations, users } from "@/db/schema";
import type { Actor } from "@/lib/commands/actor";
import { fromPolicy, notFound } from "@/lib/errors";
import { orgsAtOrBelow } from "@/lib/orgs/subtree-sql";
import { holdsPermission, isInView } from "@/lib/policy";
import { escapeLike } from "@/lib/sql/like";

export type OwnerOption = { id: string; name: string; email: string; hasLoggedIn: boolean };

/** How many people one search returns; the picker asks to narrow the search beyond it. */
export const OWNER_RESULTS = 50;

export const ownerSearchSchema = z.strictObject({
  /** The org the page shows. */
  orgId: z.uuid(),
  /** The org whose people may own the device: the shown org or a sub-org in reach. */
  inOrgId: z.uuid(),
  q: z.string().trim().max(100).default(""),
});

/**
 * People of one org who could own a device there, by name, matching `q` in name or email, and
 * whether more match than are returned — for
 * the add and transfer dialogs. Asked per search rather than sent with the page: a large org
 * has thousands of people, and a list cut at a fixed size left most of them unreachable.
 * Only for viewers who may add or transfer devices here; an org outside their reach is not found.
 */
export async function searchOwners(db: Executor, actor: Actor, input: z.output<typeof ownerSearchSchema>): Promise<{ owners: OwnerOption[]; more: boolean }> {
  const transfer = holdsPermission(actor.policy, "devices.transfer");
  if (!transfer.ok && !holdsPermission(actor.policy, "devices.create").ok) throw fromPolicy(transfer);
  const tenantId = actor.viewer.tenant.id;
  const [org] = await db
    .select({ id: organizations.id, tenantId: organizations.tenantId, path: organizations.path, depth: organizations.depth, name: organizations.name })
    .from(organizations)
    .where(and(eq(organizations.id, input.inOrgId), orgsAtOrBelow(tenantId, actor.org.path)))
    .limit(1);
  if (!org || !isInView(actor.policy, org)) throw notFound();
  const pattern = `%${escapeLike(input.q)}%`;
  const rows = await db
    .select({ id: users.id, name: users.name, email: users.email, lastLoginAt: users.lastLoginAt })
    .from(users)
    .where(
      and(
        eq(users.tenantId, tenantId),
        eq(users.orgId, org.id),
        isNotNull(users.acceptedAt),
        input.q ? or(ilike(users.name, pattern), ilike(users.email, pattern)) : undefined,
      ),
    )
    .orderBy(asc(users.name), asc(users.id))
    .limit(OWNER_RESULTS + 1);
  const owners = rows.slice(0, OWNER_RESULTS).map(({ lastLoginAt, ...r }) => ({ ...r, hasLoggedIn: lastLoginAt !== null }));
  return { owners, more: rows.length > OWNER_RESULTS };
}
