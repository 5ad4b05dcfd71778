import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/commands/actor";
import { userFiltersSchema } from "@/lib/users/filters";
import { listUsers, type PageRequest } from "@/lib/users/list";
import type { UserSortKey } from "@/lib/users/sort";
import { actorFor, orgIdByName } from "../helpers/actors";
import { freshDemoDb } from "../helpers/db";

// Sorting by a column many users share: ties fall to the name, then the id, the same on every
// page, forward and back, in one org (its own indexes) and in reach (the tenant's).

let db: Db;
let admin: Actor;
let orgIds: string[];

// The sort columns as plain SQL, written out independently of lib/users/list.ts.
const COLUMNS: Record<Exclude<UserSortKey, "name" | "email">, string[]> = {
  org: ["org_name", "org_id"],
  role: ["role"],
  location: ["coalesce(location_name, '')"],
  status: ["(CASE WHEN suspended_at IS NOT NULL THEN 0 WHEN accepted_at IS NULL THEN 1 ELSE 2 END)", "coalesce(last_login_at, '-infinity'::timestamptz)"],
  lastLogin: ["coalesce(last_login_at, '-infinity'::timestamptz)"],
  registered: ["registered_at"],
  devices: ["device_count"],
};

beforeAll(async () => {
  db = await freshDemoDb();
  admin = await actorFor(db, "admin@acme.test");
  orgIds = [admin.org.id, ...(await Promise.all(["Muller Boiler Group", "Hill Cottage"].map((name) => orgIdByName(db, name))))];
  // 150 users over three orgs with three or four values per column and eleven names, inserted
  // so that id order disagrees with name order: every tie needs the name, and some the id.
  await db.execute(sql`
    INSERT INTO users (tenant_id, org_id, email, name, role, accepted_at, last_login_at, suspended_at, location_name, registered_at, device_count)
    SELECT ${admin.viewer.tenant.id}::uuid, (ARRAY[${orgIds[0]}::uuid, ${orgIds[1]}::uuid, ${orgIds[2]}::uuid])[1 + g % 3],
      'tie' || g || '@acme.test', 'Tied ' || chr(75 - g % 11),
      (ARRAY['staff', 'user'])[1 + g % 2],
      CASE WHEN g % 7 = 0 THEN NULL ELSE timestamptz '2026-01-01' END,
      CASE WHEN g % 7 = 0 THEN NULL ELSE timestamptz '2026-01-01' + (g % 3) * interval '1 day' END,
      CASE WHEN g % 13 = 0 THEN timestamptz '2026-02-01' ELSE NULL END,
      CASE WHEN g % 4 = 0 THEN NULL ELSE 'Site ' || (g % 3) END,
      timestamptz '2025-06-01' + (g % 4) * interval '1 day', g % 3
    FROM generate_series(1, 150) AS g`);
});

/** Every page from the first to the last, then from the last back to the first. */
async function pagesBothWays(request: Omit<PageRequest, "cursor">) {
  const forward = [await listUsers(db, admin, request)];
  while (forward.at(-1)!.next) {
    if (forward.length > 200) throw new Error("a cursor leads back to the start");
    forward.push(await listUsers(db, admin, { ...request, cursor: { after: forward.at(-1)!.next! } }));
  }
  const backward = [forward.at(-1)!];
  while (backward.at(-1)!.prev) backward.push(await listUsers(db, admin, { ...request, cursor: { before: backward.at(-1)!.prev! } }));
  return { forward: forward.flatMap((p) => p.rows.map((r) => r.id)), backward: backward.reverse().flatMap((p) => p.rows.map((r) => r.id)) };
}

const SCOPES = [
  ["this organization", "org", () => sql`org_id = ${admin.org.id}`],
  ["all in reach", "reach", () => sql`tenant_id = ${admin.viewer.tenant.id}`],
] as const;

describe("sorts by a shared value break ties by name, then id", () => {
  it.each((Object.keys(COLUMNS) as (keyof typeof COLUMNS)[]).flatMap((key) => (["asc", "desc"] as const).flatMap((dir) => SCOPES.map(([label, scope, where]) => [key, dir, label, scope, where] as const))))(
    "%s %s in %s: each user once, in (column, name, id) order across pages, forward and back",
    async (key, dir, _label, scope, where) => {
      const order = [...COLUMNS[key], "name", "id"].map((e) => `${e} ${dir.toUpperCase()}`).join(", ");
      // Built from the constant table above, never from input.
      // eslint-disable-next-line no-restricted-properties
      const reference = (await db.execute<{ id: string }>(sql`SELECT id FROM users WHERE ${where()} ORDER BY ${sql.raw(order)}`)).rows.map((r) => r.id);
      expect(reference.length).toBeGreaterThan(50);
      const { forward, backward } = await pagesBothWays({ filters: userFiltersSchema.parse({ scope }), sort: { key, dir }, size: 9 });
      expect(new Set(forward).size).toBe(forward.length);
      expect(forward).toEqual(reference);
      expect(backward).toEqual(reference);
    },
  );

  it("the name sort itself breaks its ties by id", async () => {
    const reference = (await db.execute<{ id: string }>(sql`SELECT id FROM users WHERE org_id = ${admin.org.id} ORDER BY name DESC, id DESC`)).rows.map((r) => r.id);
    const { forward, backward } = await pagesBothWays({ filters: userFiltersSchema.parse({}), sort: { key: "name", dir: "desc" }, size: 9 });
    expect(forward).toEqual(reference);
    expect(backward).toEqual(reference);
  });
});
