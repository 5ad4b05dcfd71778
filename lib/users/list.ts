import "server-only";
import { assertAllowed } from "@/lib/commands/authorize";
import { and, ne, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { organizations, users } from "@/db/schema";
import type { Actor } from "@/lib/commands/actor";
import { orgTarget } from "@/lib/orgs/target";
import { isAnyOf } from "@/lib/sql/any-of";
import { rememberedEstimate } from "@/lib/sql/estimates";
import { COUNT_CAP } from "@/lib/table/paging";
import { castValue, CASTS, decodeUserCursor, encodeUserCursor, keyText } from "./cursor";
import { showsSubtree, subtreeIdList, userListWhere } from "./filter-sql";
import { statusOf, type UserFilters, type UserStatus } from "./filters";
import { choosePlan, fenceMax as fenceSize, sortWalks } from "./plan";
import type { SortDir, UserSortKey } from "./sort";

export type UserRow = {
  id: string;
  name: string;
  email: string;
  orgId: string;
  orgName: string;
  role: string;
  location: string | null;
  status: UserStatus;
  /** Not yet accepted, and suspended: both can hold (a suspended invitation shows "suspended"). */
  pending: boolean;
  suspended: boolean;
  lastLoginAt: Date | null;
  registeredAt: Date;
  devices: number;
};

export type UserPage = {
  rows: UserRow[];
  /** Exact when `capped` is false. */
  total: number;
  capped: boolean;
  /**
   * The first row's place in the list (0-based). Carried by the cursor from page to page, so it
   * costs no count; exact at either end, and off in between only by rows added or removed since.
   */
  start: number;
  /** Cursors for the neighbouring pages, or null at either end. */
  next: string | null;
  prev: string | null;
};

export type PageRequest = {
  filters: UserFilters;
  sort: { key: UserSortKey; dir: SortDir };
  size: number;
  /** Rows after this cursor (next page) or before it (previous page). */
  cursor?: { after: string } | { before: string };
};

// The sort expressions of each key, as the indexes spell them (db/schema.ts). NULLs are folded
// into values (location here, last login in its generated column) so keyset comparisons stay
// plain row comparisons. Ties of a non-unique column fall to the name (then the id), so equal
// values read in an order a person can see.
const byName = sql`${users.name}`;
const SORT_SQL: Record<UserSortKey, SQL[]> = {
  name: [byName],
  email: [sql`${users.email}`],
  org: [sql`${users.orgName}`, sql`${users.orgId}`, byName],
  role: [sql`${users.role}`, byName],
  location: [sql`coalesce(${users.locationName}, '')`, byName],
  status: [sql`${users.statusRank}`, sql`${users.lastLoginKey}`, byName],
  lastLogin: [sql`${users.lastLoginKey}`, byName],
  registered: [sql`${users.registeredAt}`, byName],
  devices: [sql`${users.deviceCount}`, byName],
};

/**
 * One page of the users table: a capped count, then the rows by keyset. When the filters
 * match few users (lib/users/plan.ts), the matches are fenced (OFFSET 0) and sorted, rather
 * than walking a sort index past rows the filter discards (performance.md, "the guard").
 */
export async function listUsers(db: Db, actor: Actor, request: PageRequest, now = new Date()): Promise<UserPage> {
  assertAllowed(actor.policy, "users.view", orgTarget(actor));
  const subtreeIds = await subtreeIdList(db, actor, request.filters);
  const where = userListWhere(actor, request.filters, now, subtreeIds);
  const inOrg = !showsSubtree(actor, request.filters);
  const fenceMax = fenceSize(inOrg);

  const { key, dir } = request.sort;
  const exprs = SORT_SQL[key];
  const cursorRaw = request.cursor && ("after" in request.cursor ? request.cursor.after : request.cursor.before);
  const cursor = cursorRaw ? decodeUserCursor(cursorRaw, key) : null;
  const backwards = !!cursor && !!request.cursor && "before" in request.cursor;
  // Walking backwards means reading in the opposite order, then flipping the page.
  const readDir: SortDir = backwards ? (dir === "asc" ? "desc" : "asc") : dir;
  const op = readDir === "asc" ? sql`>` : sql`<`;
  const order = readDir === "asc" ? sql`ASC` : sql`DESC`;

  const keyCols = exprs.map((e, i) => sql`${e} AS ${sql.identifier(`k${i}`)}`);
  const keyRefs = (fenced: boolean) => exprs.map((e, i) => (fenced ? sql.identifier(`k${i}`) : e));
  const keyset = (fenced: boolean) =>
    cursor
      ? sql`(${sql.join([...keyRefs(fenced), fenced ? sql.identifier("id") : sql`${users.id}`], sql`, `)}) ${op} (${sql.join(
          [...cursor.v.map((v, i) => castValue(v, CASTS[key][i]!)), sql`${cursor.id}::uuid`],
          sql`, `,
        )})`
      : sql`TRUE`;
  const orderBy = (fenced: boolean) => sql.join([...keyRefs(fenced), fenced ? sql.identifier("id") : sql`${users.id}`].map((e) => sql`${e} ${order}`), sql`, `);
  const columns = sql`${users.id} AS id, ${users.name} AS name, ${users.email} AS email, ${users.orgId} AS org_id, ${users.orgName} AS org_name,
    ${users.role} AS role, ${users.locationName} AS location, ${users.acceptedAt} AS accepted_at, ${users.suspendedAt} AS suspended_at,
    ${users.lastLoginAt} AS last_login_at, ${users.registeredAt} AS registered_at, ${users.deviceCount} AS devices, ${sql.join(keyCols, sql`, `)}`;
  const limit = request.size + 1;

  const capCount = () => cappedCount(db, where);
  const walkWithin = (bounds: SQL[]) =>
    sql`SELECT ${columns} FROM ${users} WHERE ${where} AND ${keyset(false)}${sql.join(bounds.map((b) => sql` AND ${b}`))} ORDER BY ${orderBy(false)} LIMIT ${limit}`;
  // The org sort in a subtree: its orgs in (name, id) order, and each org's users by (name, id)
  // (they share its name: a trigger keeps users.org_name), so the page is the first rows of that
  // nested walk; the tenant-wide org-name index would pass every other org's users in between.
  // The page's order is the nested loop's: a LATERAL join runs its outer side in that side's
  // ORDER BY, which an outer ORDER BY here would make Postgres sort again after reading every
  // org's first page (tests/users/list.test.ts pins the order on Postgres and PGlite).
  const walkOrgByOrg = (orgIds: readonly string[]) => {
    const from = cursor ? sql` AND (${organizations.name}, ${organizations.id}) ${op}= (${castValue(cursor.v[0]!, "text")}, ${castValue(cursor.v[1]!, "uuid")})` : sql``;
    const orgs = sql`SELECT ${organizations.id} AS id FROM ${organizations}
      WHERE ${organizations.tenantId} = ${actor.viewer.tenant.id} AND ${isAnyOf(organizations.id, [...orgIds])}${from}
      ORDER BY ${organizations.name} ${order}, ${organizations.id} ${order}`;
    return db.execute<Record<string, unknown>>(sql`
      SELECT page.* FROM (${orgs}) AS orgs CROSS JOIN LATERAL (${walkWithin([sql`${users.orgId} = orgs.id`])}) AS page LIMIT ${limit}`);
  };
  const walk = () => {
    if (key === "org" && subtreeIds) return walkOrgByOrg(subtreeIds);
    const walks = sortWalks(key, request.filters, now).map(walkWithin);
    // Each walk gives its own first `limit` rows; the page is the first `limit` of them all.
    const query = walks.length === 1 ? walks[0]! : sql`SELECT * FROM (${sql.join(walks.map((w) => sql`(${w})`), sql` UNION ALL `)}) AS walks ORDER BY ${orderBy(true)} LIMIT ${limit}`;
    return db.execute<Record<string, unknown>>(query);
  };
  const fenced = sql`SELECT ${columns} FROM ${users} WHERE ${where} LIMIT ${fenceMax + 1}`;

  let n: number;
  let result: { rows: Record<string, unknown>[] };
  const plan = choosePlan(await rememberedEstimate(db, users, where), request.filters, inOrg);
  if (plan === "both") {
    // Clearly many: the count and the walk at once, on two connections. The walk's page is
    // right whatever the count finds; the fence is only ever the faster way to the same rows.
    [n, result] = await Promise.all([capCount(), walk()]);
  } else if (plan === "count-first") {
    // Probably many matches: a count that an index can often answer alone, then the walk.
    n = await capCount();
    result = n <= fenceMax ? await db.execute<Record<string, unknown>>(sql`SELECT * FROM (${fenced}) AS matches WHERE ${keyset(true)} ORDER BY ${orderBy(true)} LIMIT ${limit}`) : await walk();
  } else {
    // Probably few: at most fenceMax + 1 matches counted and sorted in one statement (the LEFT
    // JOIN keeps the count when the page is empty), so they are read once, not twice.
    const both = await db.execute<Record<string, unknown> & { matched: number }>(sql`
      WITH matches AS MATERIALIZED (${fenced})
      SELECT counted.matched, page.* FROM (SELECT count(*)::int AS matched FROM matches) AS counted
      LEFT JOIN LATERAL (SELECT * FROM matches WHERE ${keyset(true)} ORDER BY ${orderBy(true)} LIMIT ${limit}) AS page ON TRUE`);
    n = Number(both.rows[0]?.matched ?? 0);
    result = { rows: both.rows.filter((r) => r.id !== null && r.id !== undefined) };
    if (n > fenceMax) {
      // The estimate was wrong. In one org the exact total (up to COUNT_CAP) still needs a
      // count; across orgs more than COUNT_CAP matched already.
      if (inOrg) n = await capCount();
      result = await walk();
    }
  }
  const capped = n > COUNT_CAP;

  const more = result.rows.length > request.size;
  const page = result.rows.slice(0, request.size);
  if (backwards) page.reverse();
  const rows = page.map((r) => toRow(r, now));
  const atStart = backwards ? !more : !cursor;
  const atEnd = !backwards && !more && !capped;
  const start = atStart ? 0 : atEnd ? Math.max(0, n - page.length) : backwards ? Math.max(0, cursor!.at - page.length) : cursor!.at + 1;
  const cursorOf = (r: Record<string, unknown>, at: number) => encodeUserCursor({ v: exprs.map((_, i) => keyText(r[`k${i}`])), id: String(r.id), at });
  const first = page[0];
  const last = page[page.length - 1];
  return {
    rows,
    total: capped ? COUNT_CAP : n,
    capped,
    start,
    next: last && (backwards || more) ? cursorOf(last, start + page.length - 1) : null,
    prev: first && !atStart ? cursorOf(first, start) : null,
  };
}

/** The list's order as an ORDER BY (the id last, as on the page): for lists of named users, such as an export of the selected ones. */
export function userListOrder(sort: { key: UserSortKey; dir: SortDir }): SQL {
  const order = sort.dir === "asc" ? sql`ASC` : sql`DESC`;
  return sql.join([...SORT_SQL[sort.key], sql`${users.id}`].map((e) => sql`${e} ${order}`), sql`, `);
}

/** The users matching `where`, counted up to one past COUNT_CAP (performance.md, "capped count"). */
async function cappedCount(db: Db, where: SQL): Promise<number> {
  return (await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM ${users} WHERE ${where} LIMIT ${COUNT_CAP + 1}) AS capped`)).rows[0]?.n ?? 0;
}

/** How many users the list shows for these filters: its own capped count, for figures that link to it. */
export async function countUsers(db: Db, actor: Actor, filters: UserFilters, now = new Date()): Promise<{ total: number; capped: boolean }> {
  assertAllowed(actor.policy, "users.view", orgTarget(actor));
  const n = await cappedCount(db, userListWhere(actor, filters, now, await subtreeIdList(db, actor, filters)));
  return { total: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP };
}

/**
 * How many users in the orgs below the actor's match these filters, for an empty result in
 * "This organization" to offer "All in reach": a capped count, like the list's. Null for a
 * viewer who may not look below.
 */
export async function countBelow(db: Db, actor: Actor, filters: UserFilters, now = new Date()): Promise<{ total: number; capped: boolean } | null> {
  assertAllowed(actor.policy, "users.view", orgTarget(actor));
  const reach = { ...filters, scope: "reach" as const };
  if (!showsSubtree(actor, reach)) return null;
  const where = and(userListWhere(actor, reach, now, await subtreeIdList(db, actor, reach)), ne(users.orgId, actor.org.id))!;
  const n = await cappedCount(db, where);
  return { total: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP };
}

const asDate = (value: unknown): Date | null => (value === null || value === undefined ? null : value instanceof Date ? value : new Date(String(value)));

function toRow(r: Record<string, unknown>, now: Date): UserRow {
  const acceptedAt = asDate(r.accepted_at);
  const suspendedAt = asDate(r.suspended_at);
  const lastLoginAt = asDate(r.last_login_at);
  return {
    id: String(r.id),
    name: String(r.name),
    email: String(r.email),
    orgId: String(r.org_id),
    orgName: String(r.org_name),
    role: String(r.role),
    location: (r.location as string | null) ?? null,
    status: statusOf({ acceptedAt, suspendedAt, lastLoginAt }, now),
    pending: acceptedAt === null,
    suspended: suspendedAt !== null,
    lastLoginAt,
    registeredAt: asDate(r.registered_at)!,
    devices: Number(r.devices),
  };
}
