import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { devices } from "@/db/schema";
import { listDevices } from "@/lib/devices/list";
import { actorFor, orgIdByName } from "../helpers/actors";
import { freshDemoDb } from "../helpers/db";
import { userByEmail } from "../helpers/demo";
import { refusedWithoutChange } from "../helpers/snapshot";
import { createDevice, deleteDevice } from "../helpers/commands";

let db: Db;
beforeEach(async () => {
  db = await freshDemoDb();
});

const page = { scope: "org" as const, q: "", sort: "name" as const, dir: "asc" as const, page: 1, size: 50 };

describe("devices", () => {
  it("lists every org device with org_devices.view, own devices otherwise, nothing without either", async () => {
    const muller = await orgIdByName(db, "Muller Boiler Group");
    const rita = await listDevices(db, await actorFor(db, "r@muller.test"), page);
    expect(rita).toMatchObject({ view: "org" });
    expect(rita!.rows.map((d) => d.name).sort()).toEqual(["Boiler", "Thermostat"]);
    const mia = await listDevices(db, await actorFor(db, "m@united.test"), page);
    expect(mia).toMatchObject({ view: "own" });
    expect(mia!.rows.map((d) => d.name)).toEqual(["Pool Heater"]);
    expect(await listDevices(db, await actorFor(db, "user@acme.test"), page)).toBeNull();
    const reach = await listDevices(db, await actorFor(db, "admin@acme.test"), { ...page, scope: "reach" });
    expect(reach!.rows.map((d) => d.orgId)).toContain(muller);
    expect(reach!.rows.map((d) => d.name)).not.toContain("Water Heater");
  });

  it("adds a device with an owner of the org, and deletes it", async () => {
    const admin = await actorFor(db, "admin@acme.test");
    const staff = await userByEmail(db, "staff@acme.test");
    const { deviceId } = await createDevice(db, admin, { orgId: admin.org.id, name: "Heat Pump", model: "HP-9", ownerId: staff.id });
    expect((await userByEmail(db, "staff@acme.test")).deviceCount).toBe(1);
    await deleteDevice(db, admin, { orgId: admin.org.id, deviceId, confirm: "DELETE" });
    expect(await db.select().from(devices).where(eq(devices.id, deviceId))).toEqual([]);
    expect((await userByEmail(db, "staff@acme.test")).deviceCount).toBe(0);
  });

  it("refuses the wrong role, an owner from elsewhere, foreign devices and bad input, changing nothing", async () => {
    const admin = await actorFor(db, "admin@acme.test");
    const staff = await actorFor(db, "staff@acme.test");
    const rita = await userByEmail(db, "r@muller.test");
    const [water] = await db.select().from(devices).where(eq(devices.name, "Water Heater"));
    const [boiler] = await db.select().from(devices).where(eq(devices.name, "Boiler"));
    const mia = await actorFor(db, "m@united.test");
    expect((await refusedWithoutChange(db, () => createDevice(db, mia, { orgId: mia.org.id, name: "Mine" }))).code).toBe("FORBIDDEN");
    expect((await refusedWithoutChange(db, () => createDevice(db, admin, { orgId: admin.org.id, name: "X", ownerId: rita.id }))).code).toBe("INVALID");
    expect((await refusedWithoutChange(db, () => createDevice(db, admin, { orgId: admin.org.id, name: "" }))).code).toBe("INVALID");
    expect((await refusedWithoutChange(db, () => createDevice(db, admin, { orgId: admin.org.id, name: "X", tenantId: admin.org.id }))).code).toBe("INVALID");
    expect((await refusedWithoutChange(db, () => deleteDevice(db, staff, { orgId: staff.org.id, deviceId: boiler!.id, confirm: "DELETE" }))).code).toBe("FORBIDDEN");
    expect((await refusedWithoutChange(db, () => deleteDevice(db, admin, { orgId: admin.org.id, deviceId: water!.id, confirm: "DELETE" }))).message).toBe("Not found");
  });
});
