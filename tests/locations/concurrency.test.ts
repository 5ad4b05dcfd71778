// Locations under concurrency, on real Postgres: two admins adding the same name at once get one
// location and one clear CONFLICT; a delete, a rename and assignments racing on one location
// always leave the users table's Location column equal to what user_locations says.
import { sql } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/commands/actor";
import { DomainError } from "@/lib/errors";
import { actorFor } from "../helpers/actors";
import { createLocation, deleteLocation, editLocation, setUsersLocation } from "../helpers/commands";
import { freshDemoDb } from "../helpers/db";
import { userByEmail } from "../helpers/demo";
import { describeError, describePostgres, fulfilled, race, rejected, tally } from "../helpers/race";

const ROUNDS = 20;

let db: Db;
let admin: Actor;
let staff: Actor;
beforeEach(async () => {
  db = await freshDemoDb();
  admin = await actorFor(db, "admin@acme.test");
  staff = await actorFor(db, "staff@acme.test");
});

/** Users whose denormalised location name is not the first of their locations' names. */
async function staleLocationNames(): Promise<string[]> {
  const { rows } = await db.execute<{ email: string }>(sql`
    SELECT u.email FROM users u
    WHERE u.location_name IS DISTINCT FROM (
      SELECT l.name FROM user_locations ul JOIN locations l ON l.id = ul.location_id WHERE ul.user_id = u.id ORDER BY l.name LIMIT 1)`);
  return rows.map((r) => r.email);
}

describePostgres("locations under concurrency", () => {
  it(`two admins add the same name at once: one location, one CONFLICT naming it (${ROUNDS} rounds)`, { timeout: 60_000 }, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const name = `Warehouse ${round}`;
      const { results, full } = await race(db, [(g) => createLocation(g, admin, { orgId: admin.org.id, name }), (g) => createLocation(g, staff, { orgId: staff.org.id, name: name.toUpperCase() })]);
      expect(full).toBe(true);
      expect(fulfilled(results)).toHaveLength(1);
      const [loser] = rejected(results);
      expect(loser, describeError(loser)).toBeInstanceOf(DomainError);
      expect(loser).toMatchObject({ code: "CONFLICT", refusal: "LOCATION_NAME_TAKEN", field: "name" });
    }
    const { rows } = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM locations`);
    expect(rows[0]!.n).toBe(ROUNDS);
  });

  it(`a delete, a rename and assignments racing on one location keep every Location column right (${ROUNDS} rounds)`, { timeout: 60_000 }, async () => {
    const people = await Promise.all(["user@acme.test", "staff@acme.test", "w@muller.test", "r@muller.test"].map(async (e) => (await userByEmail(db, e)).id));
    const outcomes: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const { locationId } = await createLocation(db, admin, { orgId: admin.org.id, name: `Site ${round}` });
      const other = (await createLocation(db, admin, { orgId: admin.org.id, name: `Annex ${round}` })).locationId;
      await setUsersLocation(db, admin, { orgId: admin.org.id, userIds: people.slice(0, 2), locationId });
      const { results } = await race<unknown>(db, [
        (g) => deleteLocation(g, admin, { orgId: admin.org.id, locationId, confirm: "DELETE" }),
        (g) => editLocation(g, staff, { orgId: staff.org.id, locationId, name: `Renamed ${round}` }),
        (g) => setUsersLocation(g, admin, { orgId: admin.org.id, userIds: people.slice(2), locationId }),
        (g) => setUsersLocation(g, staff, { orgId: staff.org.id, userIds: [people[0]!], locationId: other }),
      ]);
      outcomes.push(...results.map((r) => (r.status === "fulfilled" ? "ok" : describeError(r.reason))));
      expect(await staleLocationNames()).toEqual([]);
    }
    // Whatever the order, nothing unexpected: only wins, or "not found" for whoever came after the delete.
    expect(Object.keys(tally(outcomes)).every((o) => o === "ok" || o === "NOT_FOUND: Not found")).toBe(true);
  });
});
