import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { users } from "@/db/schema";
import { COUNT_CAP } from "@/lib/table/paging";
import { lastLoginBound, STATUS_RANK } from "./filter-sql";
import { inactiveCutoff, type UserFilters } from "./filters";
import type { UserSortKey } from "./sort";

// How one page of users is read: the matches fenced and sorted, or a count and a walk of the
// sort index (in turn or side by side), chosen from the planner's estimate. Every plan returns
// the same rows; they differ only in what they read. Why each threshold is where it is, with
// the measurements behind it: bench/README.md, "Where the list's comments went".

/**
 * In one org every sort has an index led by org_id (db/schema.ts), so walking it reads about
 * page size × (org size / matches) rows: cheaper than fetching and sorting the matches once
 * there are more than this. Across orgs the fence takes up to COUNT_CAP.
 */
const FENCE_MAX_IN_ORG = 1_000;

/** The most matches read and sorted at once instead of walking an index. */
export const fenceMax = (inOrg: boolean) => (inOrg ? FENCE_MAX_IN_ORG : COUNT_CAP);

/**
 * The planner's estimate above this many times the fence: count, then walk. Without a search
 * the capped count reads only an index, so the estimate is trusted as it is; a search's count
 * reads the table, so there the fence is kept unless the estimate says clearly many.
 */
const estimateMany = (filters: UserFilters) => (filters.q ? 2 : 1);

/**
 * An estimate above this (and above the fence): the count and the walk run side by side. A walk
 * that finds few matches after all passes every other row of its index, so only an estimate
 * ten times the in-org fence risks it.
 */
export const CLEARLY_MANY = 10 * FENCE_MAX_IN_ORG;

/** "both": count and walk at once; "count-first": count, then walk or fence; "fence": read and sort the matches. */
export type ListPlan = "both" | "count-first" | "fence";

export function choosePlan(estimate: number, filters: UserFilters, inOrg: boolean): ListPlan {
  const many = estimateMany(filters) * fenceMax(inOrg);
  if (estimate > many && estimate > CLEARLY_MANY) return "both";
  if (estimate > many) return "count-first";
  return "fence";
}

/**
 * How to walk the sort index: one list of bounds per walk, each bounding the leading sort
 * expression by what the filters already imply. They change no result, but let a walk start
 * and stop where the matches are, instead of passing every row of the other values first when
 * a filter is on the sorted column itself. Sorting by status or last login with statuses chosen
 * walks the status index (rank, last login, id) once per rank: within a rank it is in
 * last-login order, so each walk reads only its own status, and the walks' pages merge into one.
 */
export function sortWalks(key: UserSortKey, filters: UserFilters, now: Date): SQL[][] {
  const { roles, statuses } = filters;
  if (key === "role" && roles.length > 1) {
    const list = sql.join(roles.map((r) => sql`${r}::text`), sql`, `);
    return [[sql`${users.role} >= least(${list})`, sql`${users.role} <= greatest(${list})`]];
  }
  if ((key === "status" || key === "lastLogin") && statuses.length > 0) {
    const ranks = [...new Set(statuses.map((s) => STATUS_RANK[s]))];
    const cutoff = inactiveCutoff(now);
    return ranks.map((rank) => {
      const bound = lastLoginBound(statuses.filter((s) => STATUS_RANK[s] === rank), cutoff);
      return [sql`${users.statusRank} = ${rank}::int`, ...(bound ? [bound] : [])];
    });
  }
  return [[]];
}
