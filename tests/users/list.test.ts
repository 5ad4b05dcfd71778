import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { roleGrants, roles, users } from "@/db/schema";
import type { Actor } from "@/lib/commands/actor";
import { INACTIVE_AFTER_DAYS, statusOf, userFiltersSchema, type UserStatus } from "@/lib/users/filters";
import { estimatedRows, forgetEstimates } from "@/lib/sql/estimates";
import { countBelow, listUsers, type PageRequest } from "@/lib/users/list";
import { CLEARLY_MANY } from "@/lib/users/plan";
import { USER_SORT_KEYS, type UserSortKey } from "@/lib/users/sort";
import { actorFor, orgIdByName } from "../helpers/actors";
import { freshDemoDb } from "../helpers/db";

let db: Db;
let admin: Actor;
const filters = (over: object = {}) => userFiltersSchema.parse(over);

// 60 extra users in the Acme root with ties and NULLs in every sort column, so keyset paging
// is tested where it is hardest.
beforeAll(async () => {
  db = await freshDemoDb();
  admin = await actorFor(db, "admin@acme.test");
  await db.insert(users).values(
    Array.from({ length: 60 }, (_, i) => ({
      tenantId: admin.viewer.tenant.id,
      orgId: admin.org.id,
      email: `bulk${String(i).padStart(2, "0")}@acme.test`,
      name: `Person ${i % 7}`,
      role: ["staff", "user"][i % 2]!,
      acceptedAt: i % 5 === 0 ? null : new Date("2026-01-01"),
      lastLoginAt: i % 5 === 0 ? null : new Date(Date.UTC(2026, 0, 1 + (i % 9))),
      suspendedAt: i % 11 === 0 ? new Date("2026-02-01") : null,
      locationName: i % 3 === 0 ? null : `Site ${i % 4}`,
      registeredAt: new Date(Date.UTC(2025, 5, 1 + (i % 13))),
    })),
  );
});

async function walk(request: Omit<PageRequest, "cursor">) {
  const seen: string[] = [];
  let page = await listUsers(db, admin, request);
  seen.push(...page.rows.map((r) => r.id));
  const pages = [page];
  while (page.next) {
    // A cursor the list cannot read would mean the first page again, forever: fail instead.
    if (pages.length > 1_000) throw new Error("more than 1,000 pages: a cursor leads back to the start");
    page = await listUsers(db, admin, { ...request, cursor: { after: page.next } });
    seen.push(...page.rows.map((r) => r.id));
    pages.push(page);
  }
  return { seen, pages };
}

describe("listUsers", () => {
  it.each(USER_SORT_KEYS.flatMap((key) => (["asc", "desc"] as const).map((dir) => [key, dir] as const)))(
    "pages through every user exactly once sorted by %s %s, and back",
    async (key: UserSortKey, dir) => {
      const request = { filters: filters(), sort: { key, dir }, size: 7 };
      const { seen, pages } = await walk(request);
      const [{ n } = { n: 0 }] = (await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM users WHERE org_id = ${admin.org.id}`)).rows;
      expect(seen).toHaveLength(n);
      expect(new Set(seen).size).toBe(n);
      expect(pages[0]!.prev).toBeNull();
      // Each page knows where it starts: the last one too ("57–60 of 60", not "4 of 60").
      expect(pages.map((p) => p.start)).toEqual(pages.map((_, i) => i * 7));
      // Walking back from the last page retraces the same pages.
      let back = pages[pages.length - 1]!;
      for (let i = pages.length - 2; i >= 0; i--) {
        back = await listUsers(db, admin, { ...request, cursor: { before: back.prev! } });
        expect(back.rows.map((r) => r.id)).toEqual(pages[i]!.rows.map((r) => r.id));
        expect(back.start).toBe(i * 7);
      }
    },
  );

  it("orders by the column asked for", async () => {
    const byName = await listUsers(db, admin, { filters: filters(), sort: { key: "name", dir: "asc" }, size: 100 });
    const names = byName.rows.map((r) => r.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const byLogin = await listUsers(db, admin, { filters: filters(), sort: { key: "lastLogin", dir: "desc" }, size: 100 });
    const times = byLogin.rows.map((r) => r.lastLoginAt?.getTime() ?? -Infinity);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const byStatus = await listUsers(db, admin, { filters: filters(), sort: { key: "status", dir: "asc" }, size: 100 });
    const rank = { suspended: 0, pending: 1, inactive: 2, active: 3 } as const;
    const ranks = byStatus.rows.map((r) => rank[r.status]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it("filters by role, status, search and scope, in SQL", async () => {
    const staff = await listUsers(db, admin, { filters: filters({ roles: ["staff"] }), sort: { key: "name", dir: "asc" }, size: 100 });
    expect(staff.rows.every((r) => r.role === "staff")).toBe(true);
    const pending = await listUsers(db, admin, { filters: filters({ statuses: ["pending"] }), sort: { key: "name", dir: "asc" }, size: 100 });
    expect(pending.rows.length).toBeGreaterThan(0);
    expect(pending.rows.every((r) => r.status === "pending")).toBe(true);
    const search = await listUsers(db, admin, { filters: filters({ q: "bulk1" }), sort: { key: "email", dir: "asc" }, size: 100 });
    expect(search.rows.map((r) => r.email)).toEqual(Array.from({ length: 10 }, (_, i) => `bulk1${i}@acme.test`));
    const literal = await listUsers(db, admin, { filters: filters({ q: "%" }), sort: { key: "email", dir: "asc" }, size: 100 });
    expect(literal.rows).toEqual([]);
    const reach = await listUsers(db, admin, { filters: filters({ scope: "reach" }), sort: { key: "email", dir: "asc" }, size: 100 });
    expect(reach.rows.map((r) => r.email)).toContain("m@united.test");
    expect(reach.rows.map((r) => r.email)).not.toContain("admin@globex.test");
    const noDevices = await listUsers(db, admin, { filters: filters({ scope: "reach", noDevices: true }), sort: { key: "email", dir: "asc" }, size: 100 });
    expect(noDevices.rows.map((r) => r.email)).not.toContain("m@united.test");
    expect(noDevices.total).toBe(reach.total - 4);
  });

  it("filters each status to exactly the users statusOf() gives it, at the 30-day boundary too", async () => {
    // The fixture's last logins are 1–9 January 2026: at this moment the 6th is exactly 30 days
    // old (still active), the 1st–5th are older (inactive).
    const now = new Date(Date.UTC(2026, 1, 5));
    const accepted = { acceptedAt: new Date(Date.UTC(2025, 0, 1)), suspendedAt: null };
    expect(statusOf({ ...accepted, lastLoginAt: new Date(Date.UTC(2026, 0, 6)) }, now)).toBe("active");
    expect(statusOf({ ...accepted, lastLoginAt: new Date(Date.UTC(2026, 0, 6) - 1) }, now)).toBe("inactive");
    const everyone = await db.select({ id: users.id, acceptedAt: users.acceptedAt, suspendedAt: users.suspendedAt, lastLoginAt: users.lastLoginAt }).from(users).where(eq(users.orgId, admin.org.id));
    for (const status of ["active", "inactive", "pending", "suspended"] as const) {
      const expected = everyone.filter((u) => statusOf(u, now) === status).map((u) => u.id);
      expect(expected.length).toBeGreaterThan(0);
      const page = await listUsers(db, admin, { filters: filters({ statuses: [status] }), sort: { key: "email", dir: "asc" }, size: 100 }, now);
      expect(page.rows.map((r) => r.id).sort()).toEqual(expected.sort());
      expect(page.rows.every((r) => r.status === status)).toBe(true);
    }
  });

  it("filters every combination of statuses to the users statusOf() puts in one of them", async () => {
    // Whole ranks become one IN, active or inactive alone a bound on the last login
    // (lib/users/filter-sql.ts): each of the 15 combinations against statusOf() itself.
    const now = new Date(Date.UTC(2026, 1, 5));
    const everyone = await db.select({ id: users.id, acceptedAt: users.acceptedAt, suspendedAt: users.suspendedAt, lastLoginAt: users.lastLoginAt }).from(users).where(eq(users.orgId, admin.org.id));
    const all = ["active", "inactive", "pending", "suspended"] as const;
    for (let mask = 1; mask < 1 << all.length; mask++) {
      const statuses = all.filter((_, i) => mask & (1 << i));
      const expected = everyone.filter((u) => statuses.includes(statusOf(u, now))).map((u) => u.id);
      const page = await listUsers(db, admin, { filters: filters({ statuses }), sort: { key: "email", dir: "asc" }, size: 100 }, now);
      expect(page.rows.map((r) => r.id).sort(), statuses.join("+")).toEqual(expected.sort());
    }
  });

  it("counts the matches in the orgs below for an empty search in this organization, and only there", async () => {
    const muller = filters({ q: "muller" });
    expect((await listUsers(db, admin, { filters: muller, sort: { key: "name", dir: "asc" }, size: 50 })).total).toBe(0);
    expect(await countBelow(db, admin, muller)).toEqual({ total: 2, capped: false });
    expect(await countBelow(db, admin, filters({ q: "muller", roles: ["admin"] }))).toEqual({ total: 0, capped: false });
    // The org's own users and another tenant's are not below it.
    expect(await countBelow(db, admin, filters({ q: "alice adams" }))).toEqual({ total: 0, capped: false });
    expect(await countBelow(db, admin, filters({ q: "admin@globex.test" }))).toEqual({ total: 0, capped: false });
    // A viewer who may not look below is told nothing about it.
    const staff = await actorFor(db, "staff@acme.test");
    expect(await countBelow(db, staff, muller)).toEqual({ total: 2, capped: false });
    const [role] = await db.select({ id: roles.id }).from(roles).where(and(eq(roles.tenantId, staff.viewer.tenant.id), eq(roles.key, "staff")));
    const grant = and(eq(roleGrants.orgId, staff.org.id), eq(roleGrants.roleId, role!.id), eq(roleGrants.permission, "orgs.switch"));
    await db.delete(roleGrants).where(grant);
    try {
      expect(await countBelow(db, await actorFor(db, "staff@acme.test"), muller)).toBeNull();
    } finally {
      // The file shares one database: the grant goes back even when the check fails.
      await db.insert(roleGrants).values({ tenantId: staff.viewer.tenant.id, orgId: staff.org.id, roleId: role!.id, permission: "orgs.switch" });
    }
  });

  it("never shows another tenant's users, even searched for by exact email", async () => {
    const page = await listUsers(db, admin, { filters: filters({ q: "admin@globex.test", scope: "reach" }), sort: { key: "name", dir: "asc" }, size: 50 });
    expect(page.rows).toEqual([]);
    expect(page.total).toBe(0);
  });

  it("treats a malformed cursor as the first page", async () => {
    const first = await listUsers(db, admin, { filters: filters(), sort: { key: "name", dir: "asc" }, size: 5 });
    const junk = await listUsers(db, admin, { filters: filters(), sort: { key: "name", dir: "asc" }, size: 5, cursor: { after: "not-a-cursor" } });
    expect(junk.rows).toEqual(first.rows);
    // A cursor without its place in the list, or with a place that is none, is malformed too.
    const { v, id } = JSON.parse(Buffer.from(first.next!, "base64url").toString()) as { v: string[]; id: string };
    for (const at of [undefined, -1, 1.5, "4"]) {
      const c = Buffer.from(JSON.stringify({ v, id, at })).toString("base64url");
      expect((await listUsers(db, admin, { filters: filters(), sort: { key: "name", dir: "asc" }, size: 5, cursor: { after: c } })).rows).toEqual(first.rows);
    }
  });

  it.each([
    ["name", ["a\u0000b"]],
    ["registered", ["1", "Alice Adams"]],
    ["registered", ["March 7", "Alice Adams"]],
    ["registered", ["2020-02-30T00:00:00.000Z", "Alice Adams"]],
    ["registered", ["2020-02-30 10:00:00+00", "Alice Adams"]],
    ["lastLogin", ["2026-01-01T25:00:00Z", "Alice Adams"]],
    ["devices", ["12345678901", "Alice Adams"]],
    ["role", ["staff", "a\u0000b"]],
  ] as const)("treats a forged %s cursor %j as the first page, never a database error", async (key, v) => {
    const sort = { key, dir: "asc" } as const;
    const first = await listUsers(db, admin, { filters: filters(), sort, size: 5 });
    for (const id of [first.rows[0]!.id, "------------------------------------"]) {
      const cursor = Buffer.from(JSON.stringify({ v, id, at: 4 })).toString("base64url");
      for (const c of [{ after: cursor }, { before: cursor }]) {
        expect((await listUsers(db, admin, { filters: filters(), sort, size: 5, cursor: c })).rows).toEqual(first.rows);
      }
    }
  });

  it("treats a cursor whose id is not a uuid as the first page, its values being valid", async () => {
    const sort = { key: "name", dir: "asc" } as const;
    const first = await listUsers(db, admin, { filters: filters(), sort, size: 5 });
    const cursor = Buffer.from(JSON.stringify({ v: ["Alice Adams"], id: "-".repeat(36), at: 4 })).toString("base64url");
    expect((await listUsers(db, admin, { filters: filters(), sort, size: 5, cursor: { after: cursor } })).rows).toEqual(first.rows);
  });

  it.each(["2999-01-01T00:00:00.000Z", "2999-01-01 00:00:00.123456+05:30", "2999-01-01 00:00:00-00:44:30"])("reads the date cursor %s as a cursor", async (date) => {
    // Past every registration date: a cursor read as such ends the list; one refused would be the first page.
    const cursor = Buffer.from(JSON.stringify({ v: [date, "Alice Adams"], id: admin.viewer.userId, at: 4 })).toString("base64url");
    expect((await listUsers(db, admin, { filters: filters(), sort: { key: "registered", dir: "asc" }, size: 5, cursor: { after: cursor } })).rows).toEqual([]);
  });

  it("searches without the NUL bytes of a hand-made search, and counts repeated filter values once", async () => {
    const nul = filters({ q: "Pers\u0000on 3" });
    expect(nul.q).toBe("Person 3");
    expect((await listUsers(db, admin, { filters: nul, sort: { key: "name", dir: "asc" }, size: 50 })).total).toBeGreaterThan(0);
    expect(filters({ statuses: ["active", "active", "active", "active", "active"], roles: Array(30).fill("staff") })).toMatchObject({ statuses: ["active"], roles: ["staff"] });
  });

  it("is refused to a viewer without users.view", async () => {
    const user = await actorFor(db, "user@acme.test");
    await expect(listUsers(db, user, { filters: filters(), sort: { key: "name", dir: "asc" }, size: 5 })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("listUsers past the count cap", () => {
  it("says 10,000+ and pages by walking the sort index", async () => {
    await db.execute(sql`
      INSERT INTO users (tenant_id, org_id, email, name, role, accepted_at, last_login_at)
      SELECT ${admin.viewer.tenant.id}::uuid, ${admin.org.id}::uuid, 'many' || g || '@acme.test', 'Many ' || (g % 97), 'user', now(), now() - (g % 40) * interval '1 day'
      FROM generate_series(1, 10050) AS g`);
    const request = { filters: filters(), sort: { key: "lastLogin" as const, dir: "desc" as const }, size: 100 };
    const first = await listUsers(db, admin, request);
    expect(first.capped).toBe(true);
    expect(first.total).toBe(10_000);
    const second = await listUsers(db, admin, { ...request, cursor: { after: first.next! } });
    const back = await listUsers(db, admin, { ...request, cursor: { before: second.prev! } });
    expect(back.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
    const times = [...first.rows, ...second.rows].map((r) => r.lastLoginAt?.getTime() ?? -Infinity);
    expect(times).toEqual([...times].sort((a, b) => b - a));

    // With statistics the planner expects clearly many, so the count and the walk run side by
    // side (two connections on Postgres): the same total and the same pages.
    await db.execute(sql`ANALYZE users`);
    forgetEstimates(db); // the list reuses an estimate for minutes; the statistics just changed
    // The premise: the planner now expects more than CLEARLY_MANY users in the org listed.
    expect(await estimatedRows(db, users, sql`${users.tenantId} = ${admin.viewer.tenant.id} AND ${users.orgId} = ${admin.org.id}`)).toBeGreaterThan(CLEARLY_MANY);
    const estimated = await listUsers(db, admin, request);
    expect({ total: estimated.total, capped: estimated.capped, ids: estimated.rows.map((r) => r.id) }).toEqual({
      total: 10_000,
      capped: true,
      ids: first.rows.map((r) => r.id),
    });
    const estimatedSecond = await listUsers(db, admin, { ...request, cursor: { after: estimated.next! } });
    expect(estimatedSecond.rows.map((r) => r.id)).toEqual(second.rows.map((r) => r.id));
  });

  it("a search across orgs over the cap: 10,000+ and its pages in order", async () => {
    await db.execute(sql`
      INSERT INTO users (tenant_id, org_id, email, name, role, accepted_at, last_login_at)
      SELECT ${admin.viewer.tenant.id}::uuid, ${admin.org.id}::uuid, 'overflow' || g || '@acme.test', 'Overflow ' || (g % 89), 'user', now(), now()
      FROM generate_series(1, 10050) AS g`);
    await db.execute(sql`ANALYZE users`);
    forgetEstimates(db);
    const search = sql`(${users.name} ILIKE '%overflow%' OR ${users.email} ILIKE '%overflow%')`;
    const expected = (await db.execute<{ id: string }>(sql`SELECT id FROM users WHERE ${search} ORDER BY name, id LIMIT 200`)).rows.map((r) => r.id);

    const request = { filters: filters({ scope: "reach", q: "overflow" }), sort: { key: "name" as const, dir: "asc" as const }, size: 100 };
    const first = await listUsers(db, admin, request);
    expect({ total: first.total, capped: first.capped }).toEqual({ total: 10_000, capped: true });
    const second = await listUsers(db, admin, { ...request, cursor: { after: first.next! } });
    expect([...first.rows, ...second.rows].map((r) => r.id)).toEqual(expected);
  });
});

/**
 * Pages of 100 from the start: the first three must be `reference` (300 ids), and going back
 * from the third must give the second again. Returns the first page.
 */
async function expectThreePagesAndBack(onDb: Db, actor: Actor, request: Omit<PageRequest, "cursor">, reference: string[]) {
  const pages = [await listUsers(onDb, actor, request)];
  for (let i = 1; i < 3; i++) pages.push(await listUsers(onDb, actor, { ...request, cursor: { after: pages[i - 1]!.next! } }));
  expect(pages.flatMap((p) => p.rows.map((r) => r.id))).toEqual(reference);
  const back = await listUsers(onDb, actor, { ...request, cursor: { before: pages[2]!.prev! } });
  expect(back.rows.map((r) => r.id)).toEqual(reference.slice(100, 200));
  return pages[0]!;
}

// Orders as plain SQL, written out independently of lib/users/list.ts: the reference pages.
// A non-unique column's ties fall to the name (then the id, added by each test).
const REFERENCE_ORDER: Record<UserSortKey, string[]> = {
  name: ["name"],
  email: ["email"],
  org: ["org_name", "org_id", "name"],
  role: ["role", "name"],
  location: ["coalesce(location_name, '')", "name"],
  status: ["(CASE WHEN suspended_at IS NOT NULL THEN 0 WHEN accepted_at IS NULL THEN 1 ELSE 2 END)", "coalesce(last_login_at, '-infinity'::timestamptz)", "name"],
  lastLogin: ["coalesce(last_login_at, '-infinity'::timestamptz)", "name"],
  registered: ["registered_at", "name"],
  devices: ["device_count", "name"],
};

// Statuses as plain SQL, written out independently of lib/users/filter-sql.ts.
const REFERENCE_STATUS: Record<UserStatus, string> = {
  suspended: "suspended_at IS NOT NULL",
  pending: "suspended_at IS NULL AND accepted_at IS NULL",
  active: `suspended_at IS NULL AND accepted_at IS NOT NULL AND last_login_at >= now() - interval '${INACTIVE_AFTER_DAYS} days'`,
  inactive: `suspended_at IS NULL AND accepted_at IS NOT NULL AND (last_login_at IS NULL OR last_login_at < now() - interval '${INACTIVE_AFTER_DAYS} days')`,
};
describe("listUsers in an org of more than 1,000 matching users (walks the org's own sort index)", () => {
  let bigDb: Db;
  let bigAdmin: Actor;
  beforeAll(async () => {
    bigDb = await freshDemoDb();
    bigAdmin = await actorFor(bigDb, "admin@acme.test");
    await bigDb.execute(sql`
      INSERT INTO users (tenant_id, org_id, email, name, role, accepted_at, last_login_at, suspended_at, location_name, registered_at, device_count)
      SELECT ${bigAdmin.viewer.tenant.id}::uuid, ${bigAdmin.org.id}::uuid, 'walk' || g || '@acme.test', 'Walker ' || (g % 37),
        (ARRAY['staff', 'user', 'user'])[1 + g % 3],
        CASE WHEN g % 6 = 0 THEN NULL ELSE now() - interval '90 days' END,
        CASE WHEN g % 6 = 0 THEN NULL ELSE now() - (g % 50) * interval '1 day' END,
        CASE WHEN g % 13 = 0 THEN now() ELSE NULL END,
        CASE WHEN g % 4 = 0 THEN NULL ELSE 'Site ' || (g % 5) END,
        timestamptz '2025-06-01' + (g % 17) * interval '1 day', g % 3
      FROM generate_series(1, 2400) AS g`);
  });

  it.each(USER_SORT_KEYS.flatMap((key) => (["asc", "desc"] as const).map((dir) => [key, dir] as const)))(
    "gives the pages of a plain ORDER BY for %s %s, forward and back",
    async (key: UserSortKey, dir) => {
      const order = [...REFERENCE_ORDER[key], "id"].map((e) => `${e} ${dir.toUpperCase()}`).join(", ");
      // The ORDER BY is built from the constant table above, never from input.
      // eslint-disable-next-line no-restricted-properties
      const reference = (await bigDb.execute<{ id: string }>(sql`SELECT id FROM users WHERE org_id = ${bigAdmin.org.id} ORDER BY ${sql.raw(order)} LIMIT 300`)).rows.map((r) => r.id);
      const request = { filters: filters(), sort: { key, dir }, size: 100 };
      const first = await expectThreePagesAndBack(bigDb, bigAdmin, request, reference);
      expect(first.total).toBeGreaterThan(1_000);
    },
  );

  const MIXED: UserStatus[][] = [["active", "pending"], ["suspended", "active"], ["suspended", "pending", "inactive"]];

  // More than 1,000 matches, so the page walks the status index, once per status rank.
  it.each((["status", "lastLogin"] as const).flatMap((key) => (["asc", "desc"] as const).flatMap((dir) => MIXED.map((statuses) => [key, dir, statuses] as const))))(
    "merges one walk per status rank: %s %s with %j, forward and back",
    async (key, dir, statuses) => {
      const order = [...REFERENCE_ORDER[key], "id"].map((e) => `${e} ${dir.toUpperCase()}`).join(", ");
      const matching = statuses.map((s) => `(${REFERENCE_STATUS[s]})`).join(" OR ");
      // Built from the constant tables above, never from input.
      // eslint-disable-next-line no-restricted-properties
      const reference = (await bigDb.execute<{ id: string }>(sql`SELECT id FROM users WHERE org_id = ${bigAdmin.org.id} AND (${sql.raw(matching)}) ORDER BY ${sql.raw(order)} LIMIT 300`)).rows.map((r) => r.id);
      const request = { filters: filters({ statuses }), sort: { key, dir }, size: 100 };
      const first = await expectThreePagesAndBack(bigDb, bigAdmin, request, reference);
      expect(first.total).toBeGreaterThan(1_000);
    },
  );

  it("gives exactly the matches of a rare filter in the big org", async () => {
    const page = await listUsers(bigDb, bigAdmin, { filters: filters({ statuses: ["suspended"] }), sort: { key: "name", dir: "asc" }, size: 50 });
    const [{ n } = { n: 0 }] = (await bigDb.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM users WHERE org_id = ${bigAdmin.org.id} AND suspended_at IS NOT NULL`)).rows;
    expect(page.total).toBe(n);
    expect(page.rows.every((r) => r.status === "suspended")).toBe(true);
  });
});

describe("listUsers sorted by org across a subtree of more than 10,000 matching users (walks it org by org)", () => {
  let subDb: Db;
  let united: Actor;
  let orgIds: string[];
  beforeAll(async () => {
    subDb = await freshDemoDb();
    united = await actorFor(subDb, "admin@acme.test", await orgIdByName(subDb, "United Heaters Inc."));
    orgIds = await Promise.all(["Hill Cottage", "Marsh Residence", "United Heaters Inc."].map((name) => orgIdByName(subDb, name)));
    // Few users in the first and the last org by name, so the first pages either way cross orgs.
    await subDb.execute(sql`
      INSERT INTO users (tenant_id, org_id, email, name, role, accepted_at, last_login_at, suspended_at)
      SELECT ${united.viewer.tenant.id}::uuid, (ARRAY[${orgIds[0]}::uuid, ${orgIds[1]}::uuid, ${orgIds[2]}::uuid])[CASE WHEN g % 100 = 0 THEN 1 WHEN g % 100 = 1 THEN 3 ELSE 2 END],
        'sub' || g || '@acme.test', 'Sub ' || (g % 41), 'user', now() - interval '90 days', now() - (g % 60) * interval '1 day',
        CASE WHEN g % 17 = 0 THEN now() ELSE NULL END
      FROM generate_series(1, 21000) AS g`);
  });

  it.each([
    ["asc", []],
    ["desc", []],
    ["asc", ["active", "suspended"]],
    ["desc", ["active", "inactive"]],
  ] as const)("gives the pages of a plain ORDER BY for org %s with statuses %j, forward and back", async (dir, statuses) => {
    const matching = statuses.length ? `AND (${statuses.map((s) => `(${REFERENCE_STATUS[s]})`).join(" OR ")})` : "";
    const order = [...REFERENCE_ORDER.org, "id"].map((e) => `${e} ${dir.toUpperCase()}`).join(", ");
    // Built from constants above, never from input.
    // eslint-disable-next-line no-restricted-properties
    const reference = (await subDb.execute<{ id: string }>(sql`SELECT id FROM users WHERE org_id IN (${sql.join(orgIds.map((id) => sql`${id}::uuid`), sql`, `)}) ${sql.raw(matching)} ORDER BY ${sql.raw(order)} LIMIT 300`)).rows.map((r) => r.id);
    const request = { filters: filters({ scope: "reach", statuses: [...statuses] }), sort: { key: "org" as const, dir }, size: 100 };
    const first = await expectThreePagesAndBack(subDb, united, request, reference);
    expect(first.capped).toBe(true);
    const [{ orgs } = { orgs: 0 }] = (await subDb.execute<{ orgs: number }>(sql`SELECT count(DISTINCT org_id)::int AS orgs FROM users WHERE id IN (${sql.join(reference.map((id) => sql`${id}::uuid`), sql`, `)})`)).rows;
    expect(orgs).toBeGreaterThan(1);
  });
});

