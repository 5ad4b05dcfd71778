// Giving people and devices a location: the users table's bulk "Set location" and the devices'
// Set location. Inherited locations are usable below their org; refusals change nothing.
import { eq, inArray } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { devices, userLocations, users } from "@/db/schema";
import type { Actor } from "@/lib/commands/actor";
import { actorFor, orgIdByName } from "../helpers/actors";
import { createLocation, editUser, inviteUser, setDevicesLocation, setUsersLocation } from "../helpers/commands";
import { freshDemoDb } from "../helpers/db";
import { userByEmail } from "../helpers/demo";
import { auditOf, mullerAdmin, randomId, withoutId } from "../helpers/fixtures";
import { refusedWithoutChange, withoutChange } from "../helpers/snapshot";

let db: Db;
let admin: Actor;
let hq: string;
beforeEach(async () => {
  db = await freshDemoDb();
  admin = await actorFor(db, "admin@acme.test");
  hq = (await createLocation(db, admin, { orgId: admin.org.id, name: "HQ" })).locationId;
});

const o = (a: Actor) => ({ orgId: a.org.id });
const deviceId = async (name: string) => (await db.select({ id: devices.id }).from(devices).where(eq(devices.name, name)).limit(1))[0]!.id;
const locationsOf = async (userId: string) => (await db.select({ id: userLocations.locationId }).from(userLocations).where(eq(userLocations.userId, userId))).map((r) => r.id);

describe("set location for users (bulk)", () => {
  it("replaces each user's locations with the one chosen, keeps the Location column, audits per user", async () => {
    const [uma, sam] = [await userByEmail(db, "user@acme.test"), await userByEmail(db, "staff@acme.test")];
    const result = await setUsersLocation(db, admin, { ...o(admin), userIds: [uma.id, sam.id], locationId: hq });
    expect(result.done.sort()).toEqual([uma.id, sam.id].sort());
    expect(await locationsOf(uma.id)).toEqual([hq]);
    expect((await db.select({ n: users.locationName }).from(users).where(inArray(users.id, [uma.id, sam.id]))).map((r) => r.n)).toEqual(["HQ", "HQ"]);
    expect((await auditOf(db, uma.id, "user_location_set"))[0]).toMatchObject({ before: { locations: [] }, after: { location: "HQ" } });
  });

  it("'No location' removes them; a user already so is reported and left alone", async () => {
    const uma = await userByEmail(db, "user@acme.test");
    await setUsersLocation(db, admin, { ...o(admin), userIds: [uma.id], locationId: hq });
    await setUsersLocation(db, admin, { ...o(admin), userIds: [uma.id], locationId: null });
    expect(await locationsOf(uma.id)).toEqual([]);
    expect((await userByEmail(db, "user@acme.test")).locationName).toBeNull();
    const again = await withoutChange(db, () => setUsersLocation(db, admin, { ...o(admin), userIds: [uma.id], locationId: null }));
    expect(again.skipped.map(withoutId)).toEqual([{ name: "Uma Ulrich", reason: "Has no location already", code: "CONFLICT", refusal: "ALREADY_AT_LOCATION" }]);
  });

  it("works on 'all matching' and reaches sub-org people with an inherited location", async () => {
    const result = await setUsersLocation(db, admin, { ...o(admin), matching: { q: "muller.test", scope: "reach" }, locationId: hq });
    expect(result.done).toHaveLength(2);
    expect((await userByEmail(db, "w@muller.test")).locationName).toBe("HQ");
  });

  it("refuses a viewer without Manage locations before looking anyone up, and protects roles above the viewer", async () => {
    const user = await actorFor(db, "user@acme.test");
    const sam = await userByEmail(db, "staff@acme.test");
    expect(await refusedWithoutChange(db, () => setUsersLocation(db, user, { ...o(user), userIds: [sam.id], locationId: hq }))).toMatchObject({ code: "FORBIDDEN" });
    const staff = await actorFor(db, "staff@acme.test");
    const alice = await userByEmail(db, "admin@acme.test");
    const result = await withoutChange(db, () => setUsersLocation(db, staff, { ...o(staff), userIds: [alice.id], locationId: hq }));
    expect(result.skipped[0]).toMatchObject({ code: "FORBIDDEN", refusal: "ROLE_ABOVE_YOURS" });
  });

  it("answers another tenant's location, a sub-org's and an unknown one alike: not found", async () => {
    const globexHq = (await createLocation(db, await actorFor(db, "admin@globex.test"), { orgId: await orgIdByName(db, "Globex"), name: "Globex HQ" })).locationId;
    const muller = await actorFor(db, "admin@acme.test", await orgIdByName(db, "Muller Boiler Group"));
    const yard = (await createLocation(db, muller, { ...o(muller), name: "Yard" })).locationId;
    const uma = await userByEmail(db, "user@acme.test");
    for (const id of [globexHq, yard, randomId()]) {
      expect(await refusedWithoutChange(db, () => setUsersLocation(db, admin, { ...o(admin), userIds: [uma.id], locationId: id }))).toMatchObject({ code: "NOT_FOUND", message: "Not found" });
    }
  });
});

describe("invite and edit with inherited locations", () => {
  it("a sub-org Admin invites and edits people with the parent's location; a sibling's is refused", async () => {
    const muller = await mullerAdmin(db);
    const { userId } = await inviteUser(db, muller, { ...o(muller), name: "New Hire", email: "new@muller.test", role: "user", locationIds: [hq] });
    expect(await locationsOf(userId)).toEqual([hq]);
    expect((await userByEmail(db, "new@muller.test")).locationName).toBe("HQ");
    const united = await actorFor(db, "admin@acme.test", await orgIdByName(db, "United Heaters Inc."));
    const plant = (await createLocation(db, united, { ...o(united), name: "Plant" })).locationId;
    const error = await refusedWithoutChange(db, () => editUser(db, muller, { ...o(muller), userId, name: "New Hire", role: "user", locationIds: [plant] }));
    expect(error).toMatchObject({ code: "INVALID", refusal: "LOCATION_OUTSIDE_ORG" });
  });
});

describe("set location for devices", () => {
  it("sets 1..N devices in view, an inherited location included, and audits each", async () => {
    const [thermostat, boiler] = [await deviceId("Boiler"), await deviceId("Pool Heater")];
    const result = await setDevicesLocation(db, admin, { ...o(admin), deviceIds: [thermostat, boiler], locationId: hq });
    expect(result).toEqual({ done: expect.arrayContaining([thermostat, boiler]), skipped: [] });
    expect((await db.select({ l: devices.locationId }).from(devices).where(inArray(devices.id, [thermostat, boiler]))).map((r) => r.l)).toEqual([hq, hq]);
    expect((await auditOf(db, thermostat, "device_location_set"))[0]).toMatchObject({ targetType: "device", before: { location: null }, after: { location: "HQ" } });
  });

  it("refuses a sub-org's location for a device of another org, row by row, and clears with null", async () => {
    const muller = await actorFor(db, "admin@acme.test", await orgIdByName(db, "Muller Boiler Group"));
    const yard = (await createLocation(db, muller, { ...o(muller), name: "Yard" })).locationId;
    const [boiler, pool] = [await deviceId("Boiler"), await deviceId("Pool Heater")];
    const result = await setDevicesLocation(db, admin, { ...o(admin), deviceIds: [boiler, pool], locationId: yard });
    expect(result.done).toEqual([boiler]);
    expect(result.skipped.map(withoutId)).toEqual([{ name: "Pool Heater", reason: "Yard is not a location of Marsh Residence", code: "CONFLICT", refusal: "LOCATION_OUTSIDE_ORG" }]);
    await setDevicesLocation(db, admin, { ...o(admin), deviceIds: [boiler], locationId: null });
    expect((await db.select({ l: devices.locationId }).from(devices).where(eq(devices.id, boiler)))[0]!.l).toBeNull();
  });

  it("answers another tenant's device like an unknown one, and refuses without the permission, changing nothing", async () => {
    const water = await deviceId("Water Heater");
    const result = await withoutChange(db, () => setDevicesLocation(db, admin, { ...o(admin), deviceIds: [water], locationId: null }));
    const unknown = await withoutChange(db, () => setDevicesLocation(db, admin, { ...o(admin), deviceIds: [randomId()], locationId: null }));
    expect(result.skipped.map(withoutId)).toEqual(unknown.skipped.map(withoutId));
    expect(result.skipped[0]).toMatchObject({ code: "NOT_FOUND", name: "Unknown device" });
    const user = await actorFor(db, "user@acme.test");
    const boiler = await deviceId("Boiler");
    expect(await refusedWithoutChange(db, () => setDevicesLocation(db, user, { ...o(user), deviceIds: [boiler], locationId: hq }))).toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses bad input: no ids, a non-uuid, a missing location key", async () => {
    for (const bad of [{ deviceIds: [], locationId: null }, { deviceIds: ["1 OR 1=1"], locationId: null }, { deviceIds: [randomId()] }]) {
      expect(await refusedWithoutChange(db, () => setDevicesLocation(db, admin, { ...o(admin), ...bad }))).toMatchObject({ code: "INVALID" });
    }
  });
});
