import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { devices } from "@/db/schema";
import type { Actor } from "@/lib/commands/actor";

import { actorFor, orgIdByName } from "../helpers/actors";
import { freshDemoDb } from "../helpers/db";
import { deviceByName, userByEmail } from "../helpers/demo";
import { auditOf, idOf, invite, mullerAdmin, randomId } from "../helpers/fixtures";
import { refusedWithoutChange } from "../helpers/snapshot";
import { transferDevice } from "../helpers/commands";

let db: Db;
beforeEach(async () => {
  db = await freshDemoDb();
});

const device = (name: string, orgName: string) => deviceByName(db, name, orgName);

const move = async (actor: Actor, deviceId: string, input: { newOwnerId: string | null; destinationOrgId?: string }) =>
  transferDevice(db, actor, { orgId: actor.org.id, deviceId, ...input });

describe("device transfer", () => {
  it("changes the owner to another member of the device's org; one audit row; owners' device counts follow", async () => {
    const admin = await actorFor(db, "admin@acme.test");
    const thermostat = await device("Thermostat", "Muller Boiler Group");
    const w = await idOf(db, "w@muller.test");
    await move(admin, thermostat.id, { newOwnerId: w });
    expect(await device("Thermostat", "Muller Boiler Group")).toMatchObject({ ownerId: w });
    expect((await userByEmail(db, "w@muller.test")).deviceCount).toBe(2);
    expect((await userByEmail(db, "r@muller.test")).deviceCount).toBe(0);
    const audit = await auditOf(db, thermostat.id);
    expect(audit).toMatchObject([{ action: "device_transferred", targetType: "device", before: { org: "Muller Boiler Group", owner: "Rita Muller" }, after: { org: "Muller Boiler Group", ownerId: w, owner: "Walter Muller" }, targetName: "Thermostat" }]);
  });

  it("moves a device to a sub-org in reach with an owner there", async () => {
    const staff = await actorFor(db, "staff@acme.test");
    const boiler = await device("Boiler", "Muller Boiler Group");
    await move(staff, boiler.id, { destinationOrgId: await orgIdByName(db, "Marsh Residence"), newOwnerId: await idOf(db, "m@united.test") });
    expect(await device("Boiler", "Marsh Residence")).toMatchObject({ ownerId: await idOf(db, "m@united.test") });
  });

  it("clears the owner", async () => {
    const admin = await actorFor(db, "admin@acme.test");
    const heater = await device("Pool Heater", "Marsh Residence");
    await move(admin, heater.id, { newOwnerId: null });
    expect(await device("Pool Heater", "Marsh Residence")).toMatchObject({ ownerId: null });
  });

  it("refuses an owner who never logged in (CONFLICT)", async () => {
    const admin = await actorFor(db, "admin@acme.test");
    const { userId } = await invite(db, "admin@acme.test", { email: "new@muller.test", orgName: "Muller Boiler Group" });
    const thermostat = await device("Thermostat", "Muller Boiler Group");
    const error = await refusedWithoutChange(db, () => move(admin, thermostat.id, { newOwnerId: userId }));
    expect(error).toMatchObject({ code: "CONFLICT", refusal: "OWNER_NEVER_LOGGED_IN", message: "The new owner must have logged in at least once" });
  });

  it("refuses an owner who is not a member of the destination (CONFLICT)", async () => {
    const admin = await actorFor(db, "admin@acme.test");
    const thermostat = await device("Thermostat", "Muller Boiler Group");
    const error = await refusedWithoutChange(db, async () => move(admin, thermostat.id, { newOwnerId: await idOf(db, "h@united.test") }));
    expect(error).toMatchObject({ code: "CONFLICT", refusal: "OWNER_OUTSIDE_ORG", message: "The new owner must be a member of Muller Boiler Group" });
  });

  it("refuses Users, even those who see and control the org's devices (FORBIDDEN)", async () => {
    const r = await actorFor(db, "r@muller.test");
    const thermostat = await device("Thermostat", "Muller Boiler Group");
    const error = await refusedWithoutChange(db, async () => move(r, thermostat.id, { newOwnerId: await idOf(db, "w@muller.test") }));
    expect(error.code).toBe("FORBIDDEN");
  });

  it("answers NOT_FOUND, like an unknown id, for another tenant's device, owner or org, and for devices above or beside a sub-org Admin", async () => {
    const admin = await actorFor(db, "admin@acme.test");
    const water = (await db.select().from(devices).where(eq(devices.name, "Water Heater")))[0]!;
    const thermostat = await device("Thermostat", "Muller Boiler Group");
    const globexAdmin = await userByEmail(db, "admin@globex.test");
    const boss = await mullerAdmin(db);
    const cases: Array<[Actor, string, { newOwnerId: string | null; destinationOrgId?: string }]> = [
      [admin, randomId(), { newOwnerId: null }],
      [admin, water.id, { newOwnerId: null }],
      [admin, thermostat.id, { newOwnerId: globexAdmin.id }],
      [admin, thermostat.id, { newOwnerId: null, destinationOrgId: globexAdmin.orgId }],
      [admin, thermostat.id, { newOwnerId: null, destinationOrgId: randomId() }],
      [boss, (await device("Pool Heater", "Marsh Residence")).id, { newOwnerId: null }],
      [boss, thermostat.id, { newOwnerId: null, destinationOrgId: await orgIdByName(db, "Acme Heating") }],
      [boss, thermostat.id, { newOwnerId: await idOf(db, "staff@acme.test") }],
    ];
    for (const [actor, deviceId, input] of cases) {
      const error = await refusedWithoutChange(db, () => move(actor, deviceId, input));
      expect({ code: error.code, refusal: error.refusal, message: error.message }).toEqual({ code: "NOT_FOUND", refusal: "NOT_FOUND", message: "Not found" });
    }
  });

  it.each([
    ["an unexpected ownerId key", { newOwnerId: null, ownerId: "00000000-0000-4000-8000-000000000001" }],
    ["a missing newOwnerId", {}],
    ["a device id that is not a uuid", { newOwnerId: null, deviceId: "1 OR 1=1" }],
    ["a 10 kB destination", { newOwnerId: null, destinationOrgId: "x".repeat(10_000) }],
  ])("refuses %s with INVALID and no change", async (_label, input) => {
    const admin = await actorFor(db, "admin@acme.test");
    const thermostat = await device("Thermostat", "Muller Boiler Group");
    const error = await refusedWithoutChange(db, () => transferDevice(db, admin, { orgId: admin.org.id, deviceId: thermostat.id, ...input }));
    expect(error.code).toBe("INVALID");
  });
});
