// The device profile: editing a device, deleting devices in bulk, and reading one device and its
// actions log — allowed, refused with nothing changed, another tenant's as not found, bad input.
import { eq, inArray } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, devices } from "@/db/schema";
import { deviceActionLog, deviceDetails } from "@/lib/devices/details";
import { actorFor } from "../helpers/actors";
import { freshDemoDb } from "../helpers/db";
import { deviceByName, userByEmail } from "../helpers/demo";
import { auditOf, randomId, withoutId } from "../helpers/fixtures";
import { refusedWithoutChange, withoutChange } from "../helpers/snapshot";
import { deleteDevices, editDevice, transferDevice } from "../helpers/commands";

let db: Db;
beforeEach(async () => {
  db = await freshDemoDb();
});

const deviceIn = (orgName: string, name: string) => deviceByName(db, name, orgName);
const rows = (ids: string[]) => db.select().from(devices).where(inArray(devices.id, ids));

describe("editDevice", () => {
  it("renames a device and changes its model, audited with before and after; saving it unchanged writes nothing", async () => {
    const staff = await actorFor(db, "staff@acme.test");
    const boiler = await deviceIn("Muller Boiler Group", "Boiler");
    await editDevice(db, staff, { orgId: staff.org.id, deviceId: boiler.id, name: " Boiler North ", model: "Acme B-40" });
    expect(await rows([boiler.id])).toEqual([expect.objectContaining({ name: "Boiler North", model: "Acme B-40", ownerId: boiler.ownerId, orgId: boiler.orgId })]);
    const [entry] = await auditOf(db, boiler.id, "device_updated");
    expect(entry).toMatchObject({
      actorEmail: "staff@acme.test",
      targetType: "device",
      targetName: "Boiler North",
      orgName: "Muller Boiler Group",
      before: { name: "Boiler", model: "Acme B-35" },
      after: { name: "Boiler North", model: "Acme B-40" },
    });
    await withoutChange(db, () => editDevice(db, staff, { orgId: staff.org.id, deviceId: boiler.id, name: "Boiler North", model: "Acme B-40" }));
  });

  it("refuses who may not edit (an end user, even their own device), another tenant's and a random id, and bad input — changing nothing", async () => {
    const admin = await actorFor(db, "admin@acme.test");
    const mia = await actorFor(db, "m@united.test");
    const rita = await actorFor(db, "r@muller.test");
    const pool = await deviceIn("Marsh Residence", "Pool Heater");
    const water = await deviceIn("Globex", "Water Heater");
    const thermostat = await deviceIn("Muller Boiler Group", "Thermostat");
    const base = { orgId: admin.org.id, deviceId: thermostat.id, name: "T", model: "" };
    expect((await refusedWithoutChange(db, () => editDevice(db, mia, { orgId: mia.org.id, deviceId: pool.id, name: "Mine", model: "" }))).code).toBe("FORBIDDEN");
    expect((await refusedWithoutChange(db, () => editDevice(db, rita, { ...base, orgId: rita.org.id }))).code).toBe("FORBIDDEN");
    for (const deviceId of [water.id, randomId()]) {
      expect(await refusedWithoutChange(db, () => editDevice(db, admin, { ...base, deviceId }))).toMatchObject({ code: "NOT_FOUND", message: "Not found" });
    }
    for (const bad of [{ name: "" }, { name: "x".repeat(81) }, { model: "a\nb" }, { model: undefined }, { deviceId: "Thermostat" }, { ownerId: randomId() }]) {
      expect((await refusedWithoutChange(db, () => editDevice(db, admin, { ...base, ...bad }))).code).toBe("INVALID");
    }
  });
});

describe("deleteDevices", () => {
  it("deletes exactly the devices named, one audit row each, and reports the ones it may not touch", async () => {
    const admin = await actorFor(db, "admin@acme.test");
    const thermostat = await deviceIn("Muller Boiler Group", "Thermostat");
    const boiler = await deviceIn("Muller Boiler Group", "Boiler");
    const water = await deviceIn("Globex", "Water Heater");
    const before = (await db.select({ id: devices.id }).from(devices)).length;
    const result = await deleteDevices(db, admin, { orgId: admin.org.id, deviceIds: [thermostat.id, water.id, boiler.id, thermostat.id], confirm: "DELETE" });
    expect(result.done.sort()).toEqual([thermostat.id, boiler.id].sort());
    expect(result.skipped.map(withoutId)).toEqual([{ name: "Unknown device", reason: "Not found", code: "NOT_FOUND", refusal: "NOT_FOUND" }]);
    expect(await rows([thermostat.id, boiler.id])).toEqual([]);
    expect(await rows([water.id])).toHaveLength(1);
    expect((await db.select({ id: devices.id }).from(devices)).length).toBe(before - 2);
    expect(await auditOf(db, boiler.id, "device_deleted")).toEqual([expect.objectContaining({ actorEmail: "admin@acme.test", targetLabel: "Boiler", before: { name: "Boiler", model: "Acme B-35", org: "Muller Boiler Group" } })]);
    // The owners keep their accounts; only their device counts drop.
    expect((await userByEmail(db, "w@muller.test")).deviceCount).toBe(0);
  });

  it("refuses without the permission once, before any device is named", async () => {
    const staff = await actorFor(db, "staff@acme.test");
    const boiler = await deviceIn("Muller Boiler Group", "Boiler");
    const refused = await refusedWithoutChange(db, () => deleteDevices(db, staff, { orgId: staff.org.id, deviceIds: [boiler.id], confirm: "DELETE" }));
    expect(refused).toMatchObject({ code: "FORBIDDEN", refusal: "MISSING_PERMISSION" });
    expect(refused.message).not.toContain("Boiler");
  });

  it("refuses bad input as INVALID, changing nothing", async () => {
    const admin = await actorFor(db, "admin@acme.test");
    const boiler = await deviceIn("Muller Boiler Group", "Boiler");
    const base = { orgId: admin.org.id, deviceIds: [boiler.id], confirm: "DELETE" };
    for (const bad of [{ confirm: "delete" }, { deviceIds: [] }, { deviceIds: ["Boiler"] }, { deviceIds: Array.from({ length: 1001 }, randomId) }, { matching: { q: "" } }]) {
      expect((await refusedWithoutChange(db, () => deleteDevices(db, admin, { ...base, ...bad }))).code).toBe("INVALID");
    }
  });
});

describe("the device profile's reads", () => {
  it("shows a device with its org, owner, location and tags to whoever may see it", async () => {
    const admin = await actorFor(db, "admin@acme.test");
    const boiler = await deviceIn("Muller Boiler Group", "Boiler");
    const details = await deviceDetails(db, admin, boiler.id);
    expect(details).toMatchObject({ id: boiler.id, name: "Boiler", model: "Acme B-35", org: { name: "Muller Boiler Group" }, owner: { name: "Walter Muller", org: { name: "Muller Boiler Group" } }, location: null, tags: [] });
    const rita = await actorFor(db, "r@muller.test");
    expect((await deviceDetails(db, rita, boiler.id)).name).toBe("Boiler");
  });

  it("an own-devices viewer reaches their own device only; another tenant's, a sibling org's and a random id are not found", async () => {
    const mia = await actorFor(db, "m@united.test");
    const pool = await deviceIn("Marsh Residence", "Pool Heater");
    expect((await deviceDetails(db, mia, pool.id)).owner?.name).toBeDefined();
    const [spare] = await db.insert(devices).values({ tenantId: mia.viewer.tenant.id, orgId: mia.org.id, name: "Spare" }).returning();
    await expect(deviceDetails(db, mia, spare!.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(deviceActionLog(db, mia, spare!.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const hill = await actorFor(db, "h@united.test");
    const admin = await actorFor(db, "admin@acme.test");
    for (const [actor, id] of [[hill, pool.id], [admin, (await deviceIn("Globex", "Water Heater")).id], [admin, randomId()], [admin, "not-a-uuid"]] as const) {
      await expect(deviceDetails(db, actor, id)).rejects.toMatchObject({ code: "NOT_FOUND", message: "Not found" });
      await expect(deviceActionLog(db, actor, id)).rejects.toMatchObject({ code: "NOT_FOUND", message: "Not found" });
    }
  });

  it("reads what was done to the device, newest first, a page at a time; emails only for who may see people or the audit log", async () => {
    const admin = await actorFor(db, "admin@acme.test");
    const pool = await deviceIn("Marsh Residence", "Pool Heater");
    const other = await deviceIn("Muller Boiler Group", "Boiler");
    for (const name of ["Pool 1", "Pool 2", "Pool 3"]) await editDevice(db, admin, { orgId: admin.org.id, deviceId: pool.id, name, model: "Acme P-10" });
    await editDevice(db, admin, { orgId: admin.org.id, deviceId: other.id, name: "Elsewhere", model: "" });
    const first = await deviceActionLog(db, admin, pool.id, { size: 2 });
    expect(first.entries.map((e) => e.after)).toEqual([{ name: "Pool 3", model: "Acme P-10" }, { name: "Pool 2", model: "Acme P-10" }]);
    expect(first.entries[0]).toMatchObject({ action: "device_updated", actorEmail: "admin@acme.test" });
    const second = await deviceActionLog(db, admin, pool.id, { size: 2, before: first.next });
    expect(second.entries.map((e) => e.after)).toEqual([{ name: "Pool 1", model: "Acme P-10" }]);
    expect(second.next).toBeNull();
    // The owner sees the same entries, by the actor's name and without their email.
    const mia = await actorFor(db, "m@united.test");
    const theirs = await deviceActionLog(db, mia, pool.id);
    expect(theirs.entries).toHaveLength(3);
    expect(theirs.entries.every((e) => e.actorEmail === null && e.actorName === "Alice Adams")).toBe(true);
    // A cursor from another device's log does not leak into this one.
    const [foreign] = await db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.targetId, other.id));
    expect((await deviceActionLog(db, admin, pool.id, { before: foreign!.id })).entries).toEqual([]);
  });

  it("keeps the log across a transfer, which the new owner reads too", async () => {
    const admin = await actorFor(db, "admin@acme.test");
    const boiler = await deviceIn("Muller Boiler Group", "Boiler");
    await transferDevice(db, admin, { orgId: admin.org.id, deviceId: boiler.id, newOwnerId: null });
    const log = await deviceActionLog(db, await actorFor(db, "r@muller.test"), boiler.id);
    expect(log.entries.map((e) => e.action)).toEqual(["device_transferred"]);
  });
});
