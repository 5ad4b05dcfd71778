import "server-only";
import { and, eq, gte, ilike, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { organizations, userLocations, users, userTags } from "@/db/schema";
import type { Actor } from "@/lib/commands/actor";
import { cachedSubtreeOrgIds } from "@/lib/orgs/subtree-cache";
import { orgsAtOrBelow } from "@/lib/orgs/subtree-sql";
import { may } from "@/lib/policy";
import { equalsAnyOf } from "@/lib/sql/any-of";
import { escapeLike } from "@/lib/sql/like";
import { inactiveCutoff, type UserFilters, type UserStatus } from "./filters";

/** The ids of the orgs in the actor's subtree (resolved by the path index, a few rows). */
function subtreeOrgIds(actor: Actor) {
  return sql`(SELECT ${organizations.id} FROM ${organizations} WHERE ${orgsAtOrBelow(actor.viewer.tenant.id, actor.org.path)})`;
}

/** More orgs than this in a subtree: keep the semi-join rather than send a long list of ids. */
const MAX_LISTED_ORGS = 1_000;

/** The list shows the org's subtree, not only the org: "All in reach", for a viewer who may switch below. */
export function showsSubtree(actor: Actor, filters: UserFilters): boolean {
  return filters.scope === "reach" && may(actor.policy, "orgs.switch");
}

/**
 * The org ids of the actor's subtree when the filters reach below the current org, read first
 * (or from the cache of subtrees, lib/orgs/subtree-cache.ts), so the users query gets
 * `org_id = ANY(…)`, which the planner serves from the org index, instead of a semi-join.
 * Undefined when there is nothing to resolve or the subtree is too large.
 */
export async function subtreeIdList(db: Db, actor: Actor, filters: UserFilters): Promise<string[] | undefined> {
  if (!showsSubtree(actor, filters) || actor.org.depth === 1) return undefined;
  const { tenant } = actor.viewer;
  const ids = await cachedSubtreeOrgIds(db, { tenantId: tenant.id, orgTreeVersion: tenant.orgTreeVersion, orgId: actor.org.id, orgPath: actor.org.path }, MAX_LISTED_ORGS);
  return ids ?? undefined;
}

/**
 * Users carrying any of the tags: a semi-join on user_tags by its tag index (user_tags_tag_idx),
 * so the users side stays a condition on users.id and every sort still walks its own index (or,
 * for a rare tag, the plan's fence fetches the few matches by primary key and sorts them).
 */
function hasAnyTag(tagIds: readonly string[]): SQL {
  const tagged = sql`SELECT ${userTags.userId} FROM ${userTags} WHERE ${tagIds.length === 1 ? sql`${userTags.tagId} = ${tagIds[0]}::uuid` : equalsAnyOf(userTags.tagId, tagIds)}`;
  return sql`${users.id} IN (${tagged})`;
}

/** The status rank column's values (db/schema.ts): active and inactive share the accepted rank. */
export const STATUS_RANK: Record<UserStatus, number> = { suspended: 0, pending: 1, inactive: 2, active: 2 };

/**
 * Active or inactive alone is a bound on the last login key (the only difference between the
 * two); neither or both is no bound.
 */
export function lastLoginBound(statuses: readonly UserStatus[], cutoff: Date): SQL | undefined {
  const active = statuses.includes("active");
  if (active === statuses.includes("inactive")) return undefined;
  return active ? gte(users.lastLoginKey, cutoff) : lt(users.lastLoginKey, cutoff);
}

/**
 * The chosen statuses as a condition on the status rank and the last login key: the columns the
 * status, role and registered indexes carry, so a capped count reads an index alone and a walk
 * checks the status inside the index. Whole ranks become one `status_rank IN (…)`, which an
 * index can use; an OR of equalities it can only filter row by row, and a count could no longer
 * read the status index alone. Equivalent to statusOf() in lib/users/filters.ts.
 */
function statusesCondition(statuses: readonly UserStatus[], cutoff: Date): SQL | undefined {
  const bound = lastLoginBound(statuses, cutoff);
  const wholeRanks = [...new Set(statuses.map((s) => STATUS_RANK[s]))].filter((rank) => !(bound && rank === STATUS_RANK.active));
  if (wholeRanks.length === 3) return undefined; // every status: no filter at all
  return or(wholeRanks.length ? inArray(users.statusRank, wholeRanks) : undefined, bound ? and(eq(users.statusRank, STATUS_RANK.active), bound) : undefined);
}

/**
 * People at any of the chosen locations: a semi-join on user_locations by its location index,
 * so the users side keeps its own sort index walk (or the fence, when the estimate says few
 * match). One location is `= $1`, not `= ANY($1)`, for the planner's estimate (performance.md).
 */
function locationsCondition(ids: readonly string[]): SQL | undefined {
  if (ids.length === 0) return undefined;
  const at = ids.length === 1 ? eq(userLocations.locationId, ids[0]!) : equalsAnyOf(userLocations.locationId, ids);
  return inArray(users.id, sql`(SELECT ${userLocations.userId} FROM ${userLocations} WHERE ${at})`);
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
          subtreeIds
          ? equalsAnyOf(users.orgId, subtreeIds)
          : inArray(users.orgId, subtreeOrgIds(actor)),
    filters.roles.length ? inArray(users.role, filters.roles) : undefined,
    statusesCondition(filters.statuses, cutoff),
    filters.noDevices ? eq(users.deviceCount, 0) : undefined,
    locationsCondition(filters.locations),
    filters.tags.length ? hasAnyTag(filters.tags) : undefined,
    q ? or(ilike(users.name, q), ilike(users.email, q)) : undefined,
  )!;
}
