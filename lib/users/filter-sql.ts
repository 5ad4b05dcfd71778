import "server-only";
import { and, asc, eq, gte, ilike, inArray, like, lt, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { organizations, users } from "@/db/schema";
import type { Actor } from "@/lib/commands/actor";
import { escapeLike } from "@/lib/sql/like";
import { inactiveCutoff, type UserFilters, type UserStatus } from "./filters";

/** The ids of the orgs in the actor's subtree (resolved by the path index, a few rows). */
function subtreeOrgIds(actor: Actor) {
  return sql`(SELECT ${organizations.id} FROM ${organizations} WHERE ${organizations.tenantId} = ${actor.viewer.tenant.id} AND ${organizations.path} LIKE ${`${escapeLike(actor.org.path)}%`})`;
}

/** More orgs than this in a subtree: keep the semi-join rather than send a long list of ids. */
const MAX_LISTED_ORGS = 1_000;

/** The list shows the org's subtree, not only the org: "All in reach", for a viewer who may switch below. */
export function showsSubtree(actor: Actor, filters: UserFilters): boolean {
  return filters.scope === "reach" && actor.policy.grants.has("orgs.switch");
}

/** The ids of the orgs in the actor's subtree, in tree order: one range scan of the path index. */
export async function subtreeOrgIdList(db: Executor, actor: Actor, max?: number): Promise<string[]> {
  const query = db
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(eq(organizations.tenantId, actor.viewer.tenant.id), like(organizations.path, `${escapeLike(actor.org.path)}%`)))
    .orderBy(asc(organizations.path))
    .$dynamic();
  return (await (max === undefined ? query : query.limit(max))).map((r) => r.id);
}

/**
 * The org ids of the actor's subtree when the filters reach below the current org, read first
 * (one range scan of the path index), so the users query gets `org_id IN (…)` instead of a
 * semi-join: 22 ms instead of 120–340 ms for a rare filter in a 100k-user subtree at 1M users
 * (bench/README.md). Undefined when there is nothing to resolve or the subtree is too large.
 */
export async function subtreeIdList(db: Executor, actor: Actor, filters: UserFilters): Promise<string[] | undefined> {
  if (!showsSubtree(actor, filters) || actor.org.depth === 1) return undefined;
  const ids = await subtreeOrgIdList(db, actor, MAX_LISTED_ORGS + 1);
  return ids.length > MAX_LISTED_ORGS ? undefined : ids;
}

/**
 * The chosen statuses as a condition on the status rank and the last login key (db/schema.ts):
 * the columns the status, role and registered indexes carry, so a capped count reads an index
 * alone and a walk checks the status inside the index. Whole ranks become one `status_rank IN
 * (…)`, which an index can use; an OR of equalities it can only filter row by row (pending and
 * suspended in the whole tenant at 1M: 19–22 → 4–6 ms a page, the count read from the status
 * index alone instead of the table, bench/README.md). Equivalent to statusOf() in
 * lib/users/filters.ts.
 */
function statusesCondition(statuses: readonly UserStatus[], cutoff: Date): SQL | undefined {
  if (statuses.length === 0) return undefined;
  const has = (s: UserStatus) => statuses.includes(s);
  // Active and inactive differ only by the last login: together they are the whole of rank 2.
  const wholeRanks = [has("suspended") && 0, has("pending") && 1, has("active") && has("inactive") && 2].filter((r): r is number => r !== false);
  if (wholeRanks.length === 3) return undefined; // every status: no filter at all
  const accepted = has("active") === has("inactive") ? undefined : has("active") ? gte(users.lastLoginKey, cutoff) : lt(users.lastLoginKey, cutoff);
  return or(
    wholeRanks.length === 1 ? eq(users.statusRank, wholeRanks[0]!) : wholeRanks.length > 1 ? inArray(users.statusRank, wholeRanks) : undefined,
    accepted ? and(eq(users.statusRank, 2), accepted) : undefined,
  );
}

/**
 * The WHERE of every users list: the tenant, the org (or its subtree in "reach" scope, only
 * for viewers who may switch below), then the person's filters. Touches only the users table
 * (the subtree is a semi-join on the org path index, or the list of its org ids when the caller
 * resolved them: see subtreeIdList), so every sort can walk its own index.
 */
export function userListWhere(actor: Actor, filters: UserFilters, now = new Date(), subtreeIds?: readonly string[]): SQL {
  const reach = showsSubtree(actor, filters);
  const cutoff = inactiveCutoff(now);
  const q = filters.q ? `%${escapeLike(filters.q)}%` : null;
  return and(
    eq(users.tenantId, actor.viewer.tenant.id),
    !reach
      ? eq(users.orgId, actor.org.id)
      : actor.org.depth === 1
        ? undefined // the root's subtree is the whole tenant
        : // The ids resolved beforehand (listUsers) give the planner a list it can estimate and
          // AND with other indexes; the semi-join is for callers that did not resolve them.
          inArray(users.orgId, subtreeIds ? [...subtreeIds] : subtreeOrgIds(actor)),
    filters.roles.length ? inArray(users.role, filters.roles) : undefined,
    statusesCondition(filters.statuses, cutoff),
    filters.noDevices ? eq(users.deviceCount, 0) : undefined,
    q ? or(ilike(users.name, q), ilike(users.email, q)) : undefined,
  )!;
}
