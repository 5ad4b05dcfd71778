import "server-only";
import { assertAllowed } from "@/lib/commands/authorize";
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { organizations, users } from "@/db/schema";
import type { Actor } from "@/lib/commands/actor";
import { orgTarget } from "@/lib/orgs/target";
import { isAnyOf } from "@/lib/sql/any-of";
import { rememberedEstimate } from "@/lib/sql/estimates";
import { isUuid } from "@/lib/sql/uuid";
import { COUNT_CAP } from "@/lib/table/paging";

import { lastLoginBound, showsSubtree, STATUS_RANK, subtreeIdList, userListWhere } from "./filter-sql";
import { inactiveCutoff, statusOf, type UserFilters, type UserStatus } from "./filters";
import type { SortDir, UserSortKey } from "./sort";

/**
 * In one org ("This organization") every sort has an index led by org_id (db/schema.ts), so
 * walking it reads ~50 × (org size / matches) rows: cheaper than fetching and sorting the
 * matches once there are more than this. Across orgs the fence takes up to COUNT_CAP.
 */
const FENCE_MAX_IN_ORG = 1_000;

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
// plain row comparisons.
const SORT_SQL: Record<UserSortKey, SQL[]> = {
  name: [sql`${users.name}`],
  email: [sql`${users.email}`],
  org: [sql`${users.orgName}`, sql`${users.orgId}`],
  role: [sql`${users.role}`],
  location: [sql`coalesce(${users.locationName}, '')`],
  status: [sql`${users.statusRank}`, sql`${users.lastLoginKey}`],
  lastLogin: [sql`${users.lastLoginKey}`],
  registered: [sql`${users.registeredAt}`],
  devices: [sql`${users.deviceCount}`],
};

// Cursor values travel as text and are cast back to each expression's type.
const CASTS: Record<UserSortKey, string[]> = {
  name: ["text"],
  email: ["text"],
  org: ["text", "uuid"],
  role: ["text"],
  location: ["text"],
  status: ["int", "timestamptz"],
  lastLogin: ["timestamptz"],
  registered: ["timestamptz"],
  devices: ["int"],
};

/**
 * How to walk the sort index: one list of bounds per walk, each bounding the leading sort
 * expression by what the filters already imply. They change no result, but let a walk start
 * and stop where the matches are: without them a filter on the sorted column itself (role sort
 * with two roles, status sort with a status, last-login sort with active or inactive) walks
 * past every row of the other values first — 880,000 rows and ~2 s at 1M users
 * (bench/README.md). Sorting by status or last login with statuses chosen walks the status
 * index (rank, last login, id) once per rank: within a rank it is in last-login order, so
 * each walk reads only its own status, and the walks' pages merge into one. A single walk
 * over two ranks read past every user of the ranks between or around them (pending and
 * suspended users by last login: 86,000 rows, 300 ms at 1M).
 */
function sortWalks(key: UserSortKey, filters: UserFilters, now: Date): SQL[][] {
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
      return [sql`${SORT_SQL.status[0]!} = ${rank}::int`, ...(bound ? [bound] : [])];
    });
  }
  return [[]];
}

/**
 * The planner's estimate above this many times the fence: take the count-then-walk path.
 * Without a search the capped count reads only an index (the role and status indexes carry
 * the status), so counting first is cheap and trusting the estimate as it is avoids reading
 * 10,000 table rows into a fence that overflows (Admin+Staff, pending+suspended, whole tenant:
 * 160 → 25 ms at 1M). A search's count reads the table, so there the fence, which reads the
 * matches once, is kept unless the estimate says clearly many (bench/README.md).
 */
const estimateMany = (filters: UserFilters) => (filters.q ? 2 : 1);

/**
 * An estimate above this (and above the fence): the count and the walk run side by side. A
 * walk that finds few matches after all passes every other row of its index on the way, so
 * only an estimate ten times the in-org fence risks it. A search's estimate is 0.4–5 × off at
 * 1M, either way, so a search must also clear twice the fence (estimateMany): taking every
 * search estimated above 10,000 to the walk made whole-tenant "smith" twice as fast (10,167
 * matches) and "smith" among inactive users (2,483) 6 × slower, 117–133 ms (bench/README.md,
 * eighth pass).
 */
export const CLEARLY_MANY = 10 * FENCE_MAX_IN_ORG;

type Cursor = { v: string[]; id: string };

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

/**
 * A cursor from the URL; anything malformed means "first page", not an error. Every value must
 * be one Postgres accepts for its cast: a forged cursor reaching the database as an invalid
 * uuid, date or NUL byte would be a 500, not a first page.
 */
function decodeCursor(raw: string, key: UserSortKey): Cursor | null {
  try {
    const value = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as unknown;
    if (!value || typeof value !== "object") return null;
    const { v, id } = value as { v?: unknown; id?: unknown };
    if (!Array.isArray(v) || v.length !== CASTS[key].length || !v.every((x) => typeof x === "string" && x.length <= 300)) return null;
    if (typeof id !== "string" || !isUuid(id)) return null;
    if (CASTS[key].some((cast, i) => !validValue(cast, v[i] as string))) return null;
    return { v: v as string[], id };
  } catch {
    return null;
  }
}

function validValue(cast: string, value: string): boolean {
  if (cast === "int") return /^-?\d{1,9}$/.test(value);
  if (cast === "uuid") return isUuid(value);
  if (cast === "timestamptz") return value === "-infinity" || isTimestamp(value);
  return !value.includes("\u0000");
}

// What keyText() writes: ISO from a Date, or Postgres' own text form where a driver returns one
// ("2026-11-18 21:04:54.796+00"; an old local-mean-time offset has seconds: -00:44:30).
// Date.parse alone would take "1" or "March 7", and Postgres refuses February 30th.
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?(Z|[+-]\d{2}(:?\d{2}){0,2})$/;

function isTimestamp(value: string): boolean {
  const m = TIMESTAMP.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && hour < 24 && minute < 60 && second < 60;
}

const CAST_SQL: Record<string, SQL> = { int: sql`int`, timestamptz: sql`timestamptz`, uuid: sql`uuid`, text: sql`text` };
const castValue = (value: string, cast: string): SQL => (cast === "int" ? sql`${Number(value)}::int` : sql`${value}::${CAST_SQL[cast]!}`);

/**
 * One page of the users table: a capped count, then the rows by keyset. When the filters
 * match few users (see FENCE_MAX_IN_ORG), the matches are fenced (OFFSET 0) and sorted, rather
 * than walking a sort index past rows the filter discards (performance.md, "the guard").
 */
export async function listUsers(db: Db, actor: Actor, request: PageRequest, now = new Date()): Promise<UserPage> {
  assertAllowed(actor.policy, "users.view", orgTarget(actor));
  const subtreeIds = await subtreeIdList(db, actor, request.filters);
  const where = userListWhere(actor, request.filters, now, subtreeIds);
  const inOrg = !showsSubtree(actor, request.filters);
  const fenceMax = inOrg ? FENCE_MAX_IN_ORG : COUNT_CAP;

  const { key, dir } = request.sort;
  const exprs = SORT_SQL[key];
  const cursorRaw = request.cursor && ("after" in request.cursor ? request.cursor.after : request.cursor.before);
  const cursor = cursorRaw ? decodeCursor(cursorRaw, key) : null;
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

  const capCount = async () =>
    (await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM ${users} WHERE ${where} LIMIT ${COUNT_CAP + 1}) AS capped`)).rows[0]?.n ?? 0;
  const walkWithin = (bounds: SQL[]) =>
    sql`SELECT ${columns} FROM ${users} WHERE ${where} AND ${keyset(false)}${sql.join(bounds.map((b) => sql` AND ${b}`))} ORDER BY ${orderBy(false)} LIMIT ${limit}`;
  // The org sort in a subtree: its orgs in (name, id) order, and each org's users by id (they
  // share its name: a trigger keeps users.org_name), so the page is the first rows of that
  // nested walk. The tenant-wide org-name index passed every other org's users whose names
  // fall in between: 35,000 rows before the first match from Region 00 at 1M (bench/README.md).
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
  const estimate = await rememberedEstimate(db, users, where);
  const many = estimateMany(request.filters) * fenceMax;
  if (estimate > many && estimate > CLEARLY_MANY) {
    // Clearly many: the count and the walk at once, on two connections. The walk's page is
    // right whatever the count finds; the fence is only ever the faster way to the same rows.
    [n, result] = await Promise.all([capCount(), walk()]);
  } else if (estimate > many) {
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
  const cursorOf = (r: Record<string, unknown>) => encodeCursor({ v: exprs.map((_, i) => keyText(r[`k${i}`])), id: String(r.id) });
  const first = page[0];
  const last = page[page.length - 1];
  return {
    rows,
    total: capped ? COUNT_CAP : n,
    capped,
    next: last && (backwards || more) ? cursorOf(last) : null,
    prev: first && (backwards ? more : !!cursor) ? cursorOf(first) : null,
  };
}

function keyText(value: unknown): string {
  if (value instanceof Date) return Number.isFinite(value.getTime()) ? value.toISOString() : "-infinity";
  if (typeof value === "number" && !Number.isFinite(value)) return "-infinity";
  return String(value);
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
