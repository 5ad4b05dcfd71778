// org_member_counts.user_count and device_count (db/migrations/0011_org_member_counts.sql): kept by
// statement triggers, checked here against counting the rows themselves after every kind of
// change, through the commands and through plain statements, and under concurrent invitations.
import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { devices, orgMemberCounts, users } from "@/db/schema";
import { subtree } from "@/lib/orgs/tree";


import { actorFor, orgIdByName } from "../helpers/actors";
import { freshDemoDb } from "../helpers/db";
import { idOf, invite } from "../helpers/fixtures";
import { addDevices, addUsers } from "../helpers/race-fixtures";
import { describePostgres, race } from "../helpers/race";
import { deleteUsers, inviteUser, transferDevice, transferUser } from "../helpers/commands";

let db: Db;
beforeEach(async () => {
  db = await freshDemoDb();
});

/** Orgs whose kept counts differ from their rows, with both figures. */
async function drift() {
  const { rows } = await db.execute<{ name: string; user_count: number; users: number; device_count: number; devices: number }>(sql`
    SELECT o.name, c.user_count,
      (SELECT count(*) FROM users u WHERE u.org_id = o.id)::int AS users,
      c.device_count,
      (SELECT count(*) FROM devices d WHERE d.org_id = o.id)::int AS devices
    FROM organizations o LEFT JOIN org_member_counts c ON c.org_id = o.id`);
  return rows.filter((r) => r.user_count !== r.users || r.device_count !== r.devices);
}

async function countsOf(name: string) {
  const [row] = await db.select({ users: orgMemberCounts.userCount, devices: orgMemberCounts.deviceCount }).from(orgMemberCounts).where(eq(orgMemberCounts.orgId, await orgIdByName(db, name)));
  return row!;
}

describe("each org's user and device counts", () => {
  it("are true for the demo data, as the seed's inserts left them", async () => {
    expect(await drift()).toEqual([]);
    expect(await countsOf("Muller Boiler Group")).toEqual({ users: 2, devices: 2 });
    expect(await countsOf("Marsh Residence")).toEqual({ users: 1, devices: 1 });
  });

  it("follow an invitation, a transfer with devices and a bulk delete", async () => {
    const admin = await actorFor(db, "admin@acme.test");
    await invite(db, "admin@acme.test", { email: "new1@acme.test", orgName: "Muller Boiler Group" });
    await invite(db, "admin@acme.test", { email: "new2@acme.test", orgName: "Muller Boiler Group" });
    expect(await countsOf("Muller Boiler Group")).toEqual({ users: 4, devices: 2 });

    // Walter and his boiler move to Hill Cottage.
    await transferUser(db, admin, { orgId: admin.org.id, userId: await idOf(db, "w@muller.test"), destination: { orgId: await orgIdByName(db, "Hill Cottage") }, role: "user" });
    expect(await countsOf("Muller Boiler Group")).toEqual({ users: 3, devices: 1 });
    expect(await countsOf("Hill Cottage")).toEqual({ users: 2, devices: 2 });

    const result = await deleteUsers(db, admin, { orgId: admin.org.id, userIds: [await idOf(db, "new1@acme.test"), await idOf(db, "new2@acme.test"), await idOf(db, "m@united.test")], devices: "unowned", confirm: "DELETE" });
    expect(result.done).toHaveLength(3);
    expect(await countsOf("Muller Boiler Group")).toEqual({ users: 1, devices: 1 });
    // Mia's pool heater stays in Marsh Residence without an owner.
    expect(await countsOf("Marsh Residence")).toEqual({ users: 0, devices: 1 });
    expect(await drift()).toEqual([]);
  });

  it("follow statements over many rows and orgs at once, and updates that move nobody", async () => {
    const muller = await orgIdByName(db, "Muller Boiler Group");
    const hill = await orgIdByName(db, "Hill Cottage");
    const ids = await addUsers(db, muller, ["s1@muller.test", "s2@muller.test", "s3@muller.test"], "user");
    await addDevices(db, ids);
    expect(await drift()).toEqual([]);
    // Two users and every device of Muller's to Hill Cottage, in one statement each.
    await db.update(users).set({ orgId: hill }).where(sql`${users.email} IN ('s1@muller.test', 's2@muller.test')`);
    await db.update(devices).set({ orgId: hill }).where(eq(devices.orgId, muller));
    await db.update(users).set({ name: "Renamed" }).where(eq(users.orgId, hill));
    expect(await countsOf("Hill Cottage")).toMatchObject({ users: 3 });
    expect(await countsOf("Muller Boiler Group")).toMatchObject({ devices: 0 });
    await db.delete(devices).where(eq(devices.orgId, hill));
    await db.delete(users).where(sql`${users.email} LIKE 's_@muller.test'`);
    expect(await drift()).toEqual([]);
  });

  it("are what the organizations page and the org switcher read", async () => {
    const admin = await actorFor(db, "admin@acme.test");
    await invite(db, "admin@acme.test", { email: "new@acme.test", orgName: "Hill Cottage" });
    const nodes = await subtree(db, admin.viewer.tenant.id, admin.org.path);
    expect(nodes.find((n) => n.name === "Hill Cottage")).toMatchObject({ users: 2, devices: 1 });
    expect(nodes.find((n) => n.name === "United Heaters Inc.")).toMatchObject({ users: 0, devices: 0 });
  });
});

describePostgres("each org's counts under concurrent invitations, transfers and deletes", () => {
  it("twelve commands add, move and remove people in the same two orgs at once: no count lost, none refused", { timeout: 60_000 }, async () => {
    const muller = await orgIdByName(db, "Muller Boiler Group");
    const hill = await orgIdByName(db, "Hill Cottage");
    const doomed = await addUsers(db, muller, ["d1@muller.test", "d2@muller.test"], "user");
    const movers = await addUsers(db, muller, ["m1@muller.test", "m2@muller.test", "m3@muller.test", "m4@muller.test"], "user");
    await addDevices(db, movers);
    const admin = await actorFor(db, "admin@acme.test");
    const walter = await idOf(db, "w@muller.test");
    const [boiler] = await db.select({ id: devices.id }).from(devices).where(eq(devices.ownerId, walter));
    const tasks: Array<(tx: Db) => Promise<unknown>> = [
      // Walter moves without his boiler while the boiler loses its owner: both change an owner
      // count (users rows) and org counts. A deadlock between them is retried by inTransaction,
      // so this checks the counts, not the lock order (that is the triggers' names, 0011).
      (tx: Db) => transferUser(tx, admin, { orgId: admin.org.id, userId: walter, destination: { orgId: hill }, role: "user", moveDevices: false }),
      (tx: Db) => transferDevice(tx, admin, { orgId: admin.org.id, deviceId: boiler!.id, newOwnerId: null }),
      ...Array.from({ length: 4 }, (_, i) => (tx: Db) =>
        inviteUser(tx, admin, { orgId: admin.org.id, targetOrgId: i % 2 ? muller : hill, name: `Racer ${i}`, email: `racer${i}@acme.test`, role: "user", locationIds: [] }),
      ),
      ...doomed.map((id) => (tx: Db) => deleteUsers(tx, admin, { orgId: admin.org.id, userIds: [id], devices: "unowned", confirm: "DELETE" })),
      ...movers.map((id) => (tx: Db) => transferUser(tx, admin, { orgId: admin.org.id, userId: id, destination: { orgId: hill }, role: "user" })),
    ];
    const outcome = await race(db, tasks);
    expect(outcome.results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(outcome.backends).toBeGreaterThan(1);
    // Muller: Rita and Walter with their two devices, 2 doomed, 4 movers with one device each;
    // then +2 invited, -2 deleted, -4 moved with their devices, -Walter without his boiler.
    expect(await countsOf("Muller Boiler Group")).toEqual({ users: 3, devices: 2 });
    // Hill: Hank and his thermostat; +2 invited, +4 moved with their devices, +Walter.
    expect(await countsOf("Hill Cottage")).toEqual({ users: 8, devices: 5 });
    expect(await drift()).toEqual([]);
  });
});
