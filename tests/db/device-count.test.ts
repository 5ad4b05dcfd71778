import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { actorFor } from "../helpers/actors";
import { freshDemoDb } from "../helpers/db";

// users.device_count is kept by statement-level triggers (db/migrations/0006): whatever a
// statement does to devices, every user's count must equal the devices they own.
let db: Db;
let tenantId: string;
let orgId: string;

const mismatches = async () =>
  (
    await db.execute<{ email: string; stored: number; actual: number }>(sql`
      SELECT u.email, u.device_count AS stored, count(d.id)::int AS actual
      FROM users u LEFT JOIN devices d ON d.owner_id = u.id
      GROUP BY u.id HAVING u.device_count <> count(d.id)`)
  ).rows;

const idOf = async (email: string) => (await db.execute<{ id: string }>(sql`SELECT id FROM users WHERE email = ${email}`)).rows[0]!.id;

beforeAll(async () => {
  db = await freshDemoDb();
  const admin = await actorFor(db, "admin@acme.test");
  tenantId = admin.viewer.tenant.id;
  orgId = admin.org.id;
});

describe("users.device_count", () => {
  it("follows many devices inserted, moved between owners, unowned and deleted in single statements", async () => {
    const staff = await idOf("staff@acme.test");
    const admin = await idOf("admin@acme.test");
    expect(await mismatches()).toEqual([]);

    await db.execute(sql`
      INSERT INTO devices (tenant_id, org_id, owner_id, name)
      SELECT ${tenantId}::uuid, ${orgId}::uuid, CASE WHEN g % 3 = 0 THEN NULL WHEN g % 3 = 1 THEN ${staff}::uuid ELSE ${admin}::uuid END, 'Counted ' || g
      FROM generate_series(1, 300) AS g`);
    expect(await mismatches()).toEqual([]);

    // One statement that both gives and takes away: staff's devices to the admin and back, crossed.
    await db.execute(sql`
      UPDATE devices SET owner_id = CASE WHEN owner_id = ${staff}::uuid THEN ${admin}::uuid WHEN owner_id = ${admin}::uuid THEN ${staff}::uuid ELSE ${staff}::uuid END
      WHERE name LIKE 'Counted %' AND (substr(name, 9)::int % 2 = 0)`);
    expect(await mismatches()).toEqual([]);

    await db.execute(sql`UPDATE devices SET name = name || ' (renamed)' WHERE name LIKE 'Counted %'`);
    await db.execute(sql`UPDATE devices SET owner_id = NULL WHERE owner_id = ${staff}::uuid AND name LIKE 'Counted 1%'`);
    expect(await mismatches()).toEqual([]);

    await db.execute(sql`DELETE FROM devices WHERE name LIKE 'Counted 2%'`);
    expect(await mismatches()).toEqual([]);

    // Deleting an owner unowns their devices (ON DELETE SET NULL) and leaves everyone else right.
    await db.execute(sql`UPDATE devices SET owner_id = ${staff}::uuid WHERE name LIKE 'Counted 3%'`);
    await db.execute(sql`DELETE FROM users WHERE id = ${staff}::uuid`);
    expect(await mismatches()).toEqual([]);
    const [{ n } = { n: -1 }] = (await db.execute<{ n: number }>(sql`SELECT device_count AS n FROM users WHERE id = ${admin}::uuid`)).rows;
    const [{ owned } = { owned: -2 }] = (await db.execute<{ owned: number }>(sql`SELECT count(*)::int AS owned FROM devices WHERE owner_id = ${admin}::uuid`)).rows;
    expect(n).toBe(owned);
    expect(owned).toBeGreaterThan(0);
  });
});
