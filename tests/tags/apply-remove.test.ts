// Apply and remove tags on people and devices, single and bulk, within the 5-tag rule.
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { devices, deviceTags, organizations, tags, userTags } from "@/db/schema";
import { actorFor, orgIdByName } from "../helpers/actors";
import { applyDeviceTag, applyTag, createTag, removeDeviceTag, removeTag } from "../helpers/commands";
import { freshDemoDb } from "../helpers/db";
import { auditOf, idOf, mullerAdmin, randomId } from "../helpers/fixtures";
import { refusalWithoutChange, refusedWithoutChange, withoutChange } from "../helpers/snapshot";

let db: Db;
let acme: string;
beforeEach(async () => {
  db = await freshDemoDb();
  acme = await orgIdByName(db, "Acme Heating");
});

const admin = () => actorFor(db, "admin@acme.test");
const tag = async (name: string) => {
  const actor = await admin();
  return (await createTag(db, actor, { orgId: actor.org.id, name, color: "teal" })).id;
};
const deviceNamed = async (org: string, name: string) =>
  (await db.select({ id: devices.id }).from(devices).innerJoin(organizations, eq(organizations.id, devices.orgId)).where(and(eq(organizations.name, org), eq(devices.name, name))))[0]!.id;
const userTagNames = async (email: string) =>
  (await db.select({ name: tags.name }).from(userTags).innerJoin(tags, eq(tags.id, userTags.tagId)).where(eq(userTags.userId, await idOf(db, email)))).map((t) => t.name).sort();
const deviceTagNames = async (deviceId: string) =>
  (await db.select({ name: tags.name }).from(deviceTags).innerJoin(tags, eq(tags.id, deviceTags.tagId)).where(eq(deviceTags.deviceId, deviceId))).map((t) => t.name).sort();

describe("apply a tag to users by id", () => {
  it("applies an existing tag, creating nothing", async () => {
    const id = await tag("Boilers");
    const actor = await admin();
    const result = await applyTag(db, actor, { orgId: actor.org.id, userIds: [await idOf(db, "staff@acme.test")], tag: { id } });
    expect(result).toMatchObject({ done: [await idOf(db, "staff@acme.test")], skipped: [], tagId: id });
    expect(await db.select().from(tags)).toHaveLength(1);
    expect(await userTagNames("staff@acme.test")).toEqual(["Boilers"]);
  });

  it("creating by name writes a tag_created row once, with the colour chosen", async () => {
    const actor = await admin();
    const result = await applyTag(db, actor, { orgId: actor.org.id, userIds: [await idOf(db, "staff@acme.test")], tag: { name: "Night shift", color: "violet" } });
    expect(await db.select({ color: tags.color }).from(tags).where(eq(tags.id, result.tagId))).toEqual([{ color: "violet" }]);
    expect(await auditOf(db, result.tagId, "tag_created")).toHaveLength(1);
  });

  it("answers another tenant's tag id like an unknown one: NOT_FOUND, nothing written", async () => {
    const gil = await actorFor(db, "admin@globex.test");
    const globexTag = (await createTag(db, gil, { orgId: gil.org.id, name: "Globex only", color: "red" })).id;
    const actor = await admin();
    for (const id of [globexTag, randomId()]) {
      const error = await refusedWithoutChange(db, async () => applyTag(db, actor, { orgId: actor.org.id, userIds: [await idOf(db, "staff@acme.test")], tag: { id } }));
      expect(error).toMatchObject({ code: "NOT_FOUND", message: "Not found" });
    }
  });

  it("refuses Staff (no tags.manage) up front, nothing written", async () => {
    const id = await tag("Boilers");
    const staff = await actorFor(db, "staff@acme.test");
    expect(await refusalWithoutChange(db, async () => applyTag(db, staff, { orgId: staff.org.id, userIds: [await idOf(db, "user@acme.test")], tag: { id } }))).toEqual({ code: "FORBIDDEN", upFront: true });
  });
});

describe("remove a tag from users", () => {
  it("removes it from each user carrying it, one audit row each; the others are skipped by name", async () => {
    const id = await tag("Boilers");
    const actor = await admin();
    const [sam, rita, uma] = await Promise.all(["staff@acme.test", "r@muller.test", "user@acme.test"].map((e) => idOf(db, e)));
    await applyTag(db, actor, { orgId: actor.org.id, userIds: [sam!, rita!], tag: { id } });
    const result = await removeTag(db, actor, { orgId: actor.org.id, userIds: [sam!, rita!, uma!], tagId: id });
    expect(result.done.sort()).toEqual([sam, rita].sort());
    expect(result.skipped).toEqual([{ id: uma, name: "Uma Ulrich", reason: "This user does not have the tag Boilers", code: "CONFLICT", refusal: "NOT_TAGGED" }]);
    expect(await userTagNames("staff@acme.test")).toEqual([]);
    expect(await auditOf(db, sam!, "user_untagged")).toMatchObject([{ before: { tag: "Boilers", tagId: id } }]);
    expect(await auditOf(db, uma!, "user_untagged")).toEqual([]);
    // The tag itself stays in the tenant.
    expect(await db.select().from(tags).where(eq(tags.id, id))).toHaveLength(1);
  });

  it("with 'all matching', removes it from the filtered set (the tag filter itself)", async () => {
    const id = await tag("Boilers");
    const actor = await admin();
    const ids = await Promise.all(["staff@acme.test", "r@muller.test"].map((e) => idOf(db, e)));
    await applyTag(db, actor, { orgId: actor.org.id, userIds: ids, tag: { id } });
    const result = await removeTag(db, actor, { orgId: actor.org.id, matching: { scope: "reach", tags: [id] }, tagId: id });
    expect(result.done.sort()).toEqual([...ids].sort());
    expect(await db.select().from(userTags)).toEqual([]);
  });

  it("skips other tenants' users and unknown ids alike, nothing written", async () => {
    const id = await tag("Boilers");
    const actor = await admin();
    const result = await withoutChange(db, async () => removeTag(db, actor, { orgId: actor.org.id, userIds: [await idOf(db, "admin@globex.test"), randomId()], tagId: id }));
    expect(result.skipped.map((s) => s.name)).toEqual(["Unknown user", "Unknown user"]);
  });

  it("refuses Users up front, nothing written", async () => {
    const id = await tag("Boilers");
    const user = await actorFor(db, "user@acme.test");
    expect(await refusalWithoutChange(db, async () => removeTag(db, user, { orgId: user.org.id, userIds: [await idOf(db, "staff@acme.test")], tagId: id }))).toEqual({ code: "FORBIDDEN", upFront: true });
  });
});

describe("apply and remove tags on devices", () => {
  it("tags devices in view (single and bulk), one audit row per device; a sixth tag is skipped by name", async () => {
    const actor = await admin();
    const thermostat = await deviceNamed("Muller Boiler Group", "Thermostat");
    const boiler = await deviceNamed("Muller Boiler Group", "Boiler");
    for (const name of ["t1", "t2", "t3", "t4", "t5"]) await applyDeviceTag(db, actor, { orgId: actor.org.id, deviceIds: [thermostat], tag: { name } });
    const result = await applyDeviceTag(db, actor, { orgId: actor.org.id, deviceIds: [thermostat, boiler], tag: { name: "Sixth" } });
    expect(result.done).toEqual([boiler]);
    expect(result.skipped).toEqual([{ id: thermostat, name: "Thermostat", reason: "Thermostat already has 5 tags; at most 5 are allowed", code: "LIMIT", refusal: "TAG_LIMIT" }]);
    expect(await deviceTagNames(thermostat)).toEqual(["t1", "t2", "t3", "t4", "t5"]);
    expect(await auditOf(db, boiler, "device_tagged")).toMatchObject([{ targetType: "device", targetLabel: "Boiler", after: { tag: "Sixth" } }]);
  });

  it("skips a device that has the tag already", async () => {
    const actor = await admin();
    const boiler = await deviceNamed("Muller Boiler Group", "Boiler");
    const { tagId } = await applyDeviceTag(db, actor, { orgId: actor.org.id, deviceIds: [boiler], tag: { name: "Rooftop" } });
    const again = await applyDeviceTag(db, actor, { orgId: actor.org.id, deviceIds: [boiler], tag: { id: tagId } });
    expect(again.skipped).toMatchObject([{ code: "CONFLICT", refusal: "ALREADY_TAGGED", reason: "This device already has the tag Rooftop" }]);
  });

  it("removes a tag from devices; devices without it are skipped", async () => {
    const actor = await admin();
    const boiler = await deviceNamed("Muller Boiler Group", "Boiler");
    const thermostat = await deviceNamed("Muller Boiler Group", "Thermostat");
    const { tagId } = await applyDeviceTag(db, actor, { orgId: actor.org.id, deviceIds: [boiler], tag: { name: "Rooftop" } });
    const result = await removeDeviceTag(db, actor, { orgId: actor.org.id, deviceIds: [boiler, thermostat], tagId });
    expect(result.done).toEqual([boiler]);
    expect(result.skipped).toMatchObject([{ id: thermostat, refusal: "NOT_TAGGED" }]);
    expect(await deviceTagNames(boiler)).toEqual([]);
    expect(await auditOf(db, boiler, "device_untagged")).toMatchObject([{ before: { tag: "Rooftop" } }]);
  });

  it("answers devices out of view (another tenant's, the parent's for a sub-org Admin) like unknown ids, nothing written", async () => {
    const globexDevice = await deviceNamed("Globex", "Water Heater");
    const actor = await admin();
    const result = await withoutChange(db, () => applyDeviceTag(db, actor, { orgId: actor.org.id, deviceIds: [globexDevice, randomId()], tag: { name: "Probe" } }));
    expect(result.done).toEqual([]);
    expect(result.skipped.map((s) => s.name)).toEqual(["Unknown device", "Unknown device"]);

    const [kit] = await db.insert(devices).values({ tenantId: acme, orgId: acme, name: "Root kit" }).returning();
    const boss = await mullerAdmin(db);
    const again = await withoutChange(db, () => applyDeviceTag(db, boss, { orgId: boss.org.id, deviceIds: [kit!.id], tag: { name: "Probe" } }));
    expect(again.skipped).toMatchObject([{ name: "Unknown device", code: "NOT_FOUND" }]);
  });

  it("refuses Staff (no tags.manage) up front, nothing written", async () => {
    const staff = await actorFor(db, "staff@acme.test");
    const boiler = await deviceNamed("Muller Boiler Group", "Boiler");
    const error = await refusedWithoutChange(db, () => applyDeviceTag(db, staff, { orgId: staff.org.id, deviceIds: [boiler], tag: { name: "Probe" } }));
    expect(error.code).toBe("FORBIDDEN");
  });

  it("answers another tenant's tag id like an unknown one", async () => {
    const gil = await actorFor(db, "admin@globex.test");
    const globexTag = (await createTag(db, gil, { orgId: gil.org.id, name: "Globex only", color: "red" })).id;
    const actor = await admin();
    const boiler = await deviceNamed("Muller Boiler Group", "Boiler");
    for (const tagId of [globexTag, randomId()]) {
      expect(await refusedWithoutChange(db, () => removeDeviceTag(db, actor, { orgId: actor.org.id, deviceIds: [boiler], tagId }))).toMatchObject({ code: "NOT_FOUND" });
    }
  });
});
