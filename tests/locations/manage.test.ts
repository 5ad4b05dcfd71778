// Locations: create, edit, delete (product.md §1; issue 21). Each allowed, refused with nothing
// changed, another tenant's id "not found", and the users table's Location column kept right.
import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { devices, locations, userLocations, users } from "@/db/schema";
import type { Actor } from "@/lib/commands/actor";
import { actorFor, orgIdByName } from "../helpers/actors";
import { createLocation, deleteLocation, editLocation, setUsersLocation } from "../helpers/commands";
import { freshDemoDb } from "../helpers/db";
import { userByEmail } from "../helpers/demo";
import { auditOf, mullerAdmin, randomId } from "../helpers/fixtures";
import { refusedWithoutChange } from "../helpers/snapshot";

let db: Db;
let admin: Actor;
beforeEach(async () => {
  db = await freshDemoDb();
  admin = await actorFor(db, "admin@acme.test");
});

const o = (a: Actor) => ({ orgId: a.org.id });
const add = (a: Actor, name: string, extra: Record<string, unknown> = {}) => createLocation(db, a, { ...o(a), name, ...extra });
const nameOf = async (email: string) => (await userByEmail(db, email)).locationName;

describe("create", () => {
  it("adds a location to the org shown, trimmed, with its pin, audited", async () => {
    const { locationId } = await add(admin, "  Warehouse Berlin ", { address: "Lager 1", latitude: 52.5, longitude: 13.4 });
    const [row] = await db.select().from(locations).where(eq(locations.id, locationId));
    expect(row).toMatchObject({ name: "Warehouse Berlin", address: "Lager 1", latitude: 52.5, longitude: 13.4, orgId: admin.org.id, tenantId: admin.viewer.tenant.id });
    expect((await auditOf(db, locationId, "location_created"))[0]?.after).toEqual({ name: "Warehouse Berlin", address: "Lager 1", pin: "52.5, 13.4" });
  });

  it("refuses a name the org has in any case, with a clear CONFLICT on the name", async () => {
    await add(admin, "Warehouse");
    const error = await refusedWithoutChange(db, () => add(admin, "WAREHOUSE"));
    expect(error).toMatchObject({ code: "CONFLICT", refusal: "LOCATION_NAME_TAKEN", field: "name" });
    expect(error.message).toBe("Acme Heating already has a location named “WAREHOUSE”.");
  });

  it("lets a sub-org use a name its parent has (unique per org)", async () => {
    await add(admin, "Depot");
    const muller = await actorFor(db, "admin@acme.test", await orgIdByName(db, "Muller Boiler Group"));
    await expect(add(muller, "Depot")).resolves.toHaveProperty("locationId");
  });

  it("refuses a viewer without Manage locations, and bad input, changing nothing", async () => {
    const user = await actorFor(db, "user@acme.test");
    expect(await refusedWithoutChange(db, () => add(user, "Mine"))).toMatchObject({ code: "FORBIDDEN", refusal: "MISSING_PERMISSION" });
    for (const bad of [{ name: "" }, { name: "x".repeat(81) }, { name: "ok", address: "a".repeat(301) }, { name: "ok", latitude: 91, longitude: 0 }, { name: "ok", latitude: 10 }, { name: "ok", latitude: 0, longitude: -181 }]) {
      expect(await refusedWithoutChange(db, () => createLocation(db, admin, { ...o(admin), ...bad }))).toMatchObject({ code: "INVALID" });
    }
  });
});

describe("edit", () => {
  it("renames, re-addresses and pins; the Location column of people there follows the rename", async () => {
    const { locationId } = await add(admin, "Depot");
    const uma = await userByEmail(db, "user@acme.test");
    await setUsersLocation(db, admin, { ...o(admin), userIds: [uma.id], locationId });
    expect(await nameOf("user@acme.test")).toBe("Depot");
    await editLocation(db, admin, { ...o(admin), locationId, name: "Main depot", address: "Ring 2", latitude: 1, longitude: 2 });
    expect(await nameOf("user@acme.test")).toBe("Main depot");
    const [audit] = await auditOf(db, locationId, "location_updated");
    expect(audit).toMatchObject({ before: { name: "Depot", address: "", pin: null }, after: { name: "Main depot", address: "Ring 2", pin: "1, 2" } });
  });

  it("keeps the Location column the alphabetically first of a person's locations after a rename", async () => {
    const a = (await add(admin, "Alpha")).locationId;
    const b = (await add(admin, "Beta")).locationId;
    const uma = await userByEmail(db, "user@acme.test");
    await db.insert(userLocations).values([a, b].map((locationId) => ({ tenantId: admin.viewer.tenant.id, userId: uma.id, locationId })));
    await db.update(users).set({ locationName: "Alpha" }).where(eq(users.id, uma.id));
    await editLocation(db, admin, { ...o(admin), locationId: a, name: "Zulu" });
    expect(await nameOf("user@acme.test")).toBe("Beta");
  });

  it("refuses an inherited location (edited only in its own org), without naming that org", async () => {
    const { locationId } = await add(admin, "HQ");
    const muller = await mullerAdmin(db);
    const error = await refusedWithoutChange(db, () => editLocation(db, muller, { ...o(muller), locationId, name: "Mine now" }));
    expect(error).toMatchObject({ code: "FORBIDDEN", refusal: "INHERITED_LOCATION" });
    expect(error.message).not.toContain("Acme");
  });

  it("answers another tenant's location, a sub-org's and an unknown id alike: not found", async () => {
    const globex = await actorFor(db, "admin@globex.test");
    const theirs = (await add(globex, "Globex HQ")).locationId;
    const below = (await add(await actorFor(db, "admin@acme.test", await orgIdByName(db, "Muller Boiler Group")), "Muller yard")).locationId;
    for (const id of [theirs, below, randomId()]) {
      expect(await refusedWithoutChange(db, () => editLocation(db, admin, { ...o(admin), locationId: id, name: "Taken" }))).toMatchObject({ code: "NOT_FOUND", message: "Not found" });
    }
  });

  it("refuses a rename onto a name the org has", async () => {
    await add(admin, "One");
    const { locationId } = await add(admin, "Two");
    expect(await refusedWithoutChange(db, () => editLocation(db, admin, { ...o(admin), locationId, name: "one" }))).toMatchObject({ code: "CONFLICT", refusal: "LOCATION_NAME_TAKEN" });
  });
});

describe("delete", () => {
  it("deletes an unused location with a plain confirmation", async () => {
    const { locationId } = await add(admin, "Empty");
    expect(await deleteLocation(db, admin, { ...o(admin), locationId })).toEqual({ people: 0, devices: 0 });
    expect(await db.select().from(locations).where(eq(locations.id, locationId))).toEqual([]);
  });

  it("needs the typed DELETE when people or devices are there; then unassigns them, never deletes them, and says how many", async () => {
    const { locationId } = await add(admin, "Busy");
    const uma = await userByEmail(db, "user@acme.test");
    await setUsersLocation(db, admin, { ...o(admin), userIds: [uma.id], locationId });
    const [thermostat] = await db.select().from(devices).where(eq(devices.name, "Thermostat")).limit(1);
    await db.update(devices).set({ locationId }).where(eq(devices.id, thermostat!.id));

    const error = await refusedWithoutChange(db, () => deleteLocation(db, admin, { ...o(admin), locationId }));
    expect(error).toMatchObject({ code: "INVALID", field: "confirm" });
    expect(error.message).toBe("Type DELETE to confirm: 1 person and 1 device will lose this location.");

    expect(await deleteLocation(db, admin, { ...o(admin), locationId, confirm: "DELETE" })).toEqual({ people: 1, devices: 1 });
    expect(await nameOf("user@acme.test")).toBeNull();
    expect((await db.select().from(devices).where(eq(devices.id, thermostat!.id)))[0]).toMatchObject({ locationId: null });
    expect((await auditOf(db, locationId, "location_deleted"))[0]).toMatchObject({ before: { name: "Busy" }, after: { people: 1, devices: 1 } });
  });

  it("refuses a viewer without the permission, an inherited location and another tenant's, changing nothing", async () => {
    const { locationId } = await add(admin, "Kept");
    const user = await actorFor(db, "user@acme.test");
    expect(await refusedWithoutChange(db, () => deleteLocation(db, user, { ...o(user), locationId }))).toMatchObject({ code: "FORBIDDEN" });
    const muller = await mullerAdmin(db);
    expect(await refusedWithoutChange(db, () => deleteLocation(db, muller, { ...o(muller), locationId, confirm: "DELETE" }))).toMatchObject({ code: "FORBIDDEN", refusal: "INHERITED_LOCATION" });
    const globex = await actorFor(db, "admin@globex.test");
    expect(await refusedWithoutChange(db, () => deleteLocation(db, globex, { ...o(globex), locationId, confirm: "DELETE" }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await db.select({ n: sql<number>`count(*)::int` }).from(locations)).toEqual([{ n: 1 }]);
  });
});
