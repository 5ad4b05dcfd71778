// What the console reads of tags: the Settings list with usage in view, the Remove dialogs'
// choices, the users and devices tables' Tags column and tag filter, and the CSV's Tags column.
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { devices, organizations } from "@/db/schema";
import { listDevices } from "@/lib/devices/list";
import { tagOptions, tagsCarriedByDevices, tagsCarriedByUsers, tagsOfUsers, tagsWithUsage } from "@/lib/tags/queries";
import { exportUserRows } from "@/lib/users/export";
import { userFiltersSchema } from "@/lib/users/filters";
import { listUsers } from "@/lib/users/list";
import { actorFor } from "../helpers/actors";
import { applyDeviceTag, applyTag, createTag } from "../helpers/commands";
import { freshDemoDb } from "../helpers/db";
import { idOf, mullerAdmin } from "../helpers/fixtures";

let db: Db;
let ids: { boilers: string; pumps: string; thermostat: string; boiler: string };

const deviceNamed = async (org: string, name: string) =>
  (await db.select({ id: devices.id }).from(devices).innerJoin(organizations, eq(organizations.id, devices.orgId)).where(and(eq(organizations.name, org), eq(devices.name, name))))[0]!.id;

beforeEach(async () => {
  db = await freshDemoDb();
  const alice = await actorFor(db, "admin@acme.test");
  const o = { orgId: alice.org.id };
  const boilers = (await createTag(db, alice, { ...o, name: "boilers", color: "teal" })).id;
  const pumps = (await createTag(db, alice, { ...o, name: "Pumps", color: "red" })).id;
  await createTag(db, alice, { ...o, name: "Unused", color: "slate" });
  // Boilers: Alice (root), Rita (Muller); Pumps: Rita. Devices: the Thermostat has both.
  await applyTag(db, alice, { ...o, userIds: [alice.viewer.userId, await idOf(db, "r@muller.test")], tag: { id: boilers } });
  await applyTag(db, alice, { ...o, userIds: [await idOf(db, "r@muller.test")], tag: { id: pumps } });
  const thermostat = await deviceNamed("Muller Boiler Group", "Thermostat");
  await applyDeviceTag(db, alice, { ...o, deviceIds: [thermostat], tag: { id: boilers } });
  await applyDeviceTag(db, alice, { ...o, deviceIds: [thermostat], tag: { id: pumps } });
  // Globex has a tag of its own, which Acme never sees.
  const gil = await actorFor(db, "admin@globex.test");
  await createTag(db, gil, { orgId: gil.org.id, name: "Globex only", color: "blue" });
  ids = { boilers, pumps, thermostat, boiler: await deviceNamed("Muller Boiler Group", "Boiler") };
});

describe("Settings → Tags", () => {
  it("lists the tenant's tags by name (any case), with people and devices in view carrying each", async () => {
    const alice = await actorFor(db, "admin@acme.test");
    expect(await tagsWithUsage(db, alice)).toEqual([
      { id: ids.boilers, name: "boilers", color: "teal", people: 2, devices: 1 },
      { id: ids.pumps, name: "Pumps", color: "red", people: 1, devices: 1 },
      { id: expect.any(String), name: "Unused", color: "slate", people: 0, devices: 0 },
    ]);
  });

  it("a sub-org Admin counts only their subtree: Alice in the root is not counted", async () => {
    const boss = await mullerAdmin(db);
    const usage = await tagsWithUsage(db, boss);
    expect(usage.find((t) => t.id === ids.boilers)).toMatchObject({ people: 1, devices: 1 });
  });

  it("another tenant sees only its own tags", async () => {
    const gil = await actorFor(db, "admin@globex.test");
    expect((await tagsWithUsage(db, gil)).map((t) => t.name)).toEqual(["Globex only"]);
    expect((await tagOptions(db, gil)).map((t) => t.name)).toEqual(["Globex only"]);
  });
});

describe("the Remove tag dialogs' choices", () => {
  it("offers the tags the selected people carry, and for 'all matching' those of the matches", async () => {
    const alice = await actorFor(db, "admin@acme.test");
    expect((await tagsCarriedByUsers(db, alice, { userIds: [await idOf(db, "r@muller.test")] })).map((t) => t.name)).toEqual(["boilers", "Pumps"]);
    expect((await tagsCarriedByUsers(db, alice, { userIds: [alice.viewer.userId] })).map((t) => t.name)).toEqual(["boilers"]);
    expect(await tagsCarriedByUsers(db, alice, { userIds: [await idOf(db, "staff@acme.test")] })).toEqual([]);
    expect((await tagsCarriedByUsers(db, alice, { matching: userFiltersSchema.parse({ scope: "reach", q: "muller" }) })).map((t) => t.name)).toEqual(["boilers", "Pumps"]);
  });

  it("says nothing of people or devices out of view", async () => {
    const boss = await mullerAdmin(db);
    expect(await tagsCarriedByUsers(db, boss, { userIds: [await idOf(db, "admin@acme.test")] })).toEqual([]);
    const gil = await actorFor(db, "admin@globex.test");
    expect(await tagsCarriedByDevices(db, gil, [ids.thermostat])).toEqual([]);
  });

  it("offers the tags the selected devices carry", async () => {
    const alice = await actorFor(db, "admin@acme.test");
    expect((await tagsCarriedByDevices(db, alice, [ids.thermostat, ids.boiler])).map((t) => t.name)).toEqual(["boilers", "Pumps"]);
  });
});

describe("the users table", () => {
  const page = (filters: Record<string, unknown>) => ({ filters: userFiltersSchema.parse({ scope: "reach", ...filters }), sort: { key: "name" as const, dir: "asc" as const }, size: 50 });

  it("filters by tag (any of the chosen), within the viewer's scope", async () => {
    const alice = await actorFor(db, "admin@acme.test");
    expect((await listUsers(db, alice, page({ tags: [ids.boilers] }))).rows.map((r) => r.name)).toEqual(["Alice Adams", "Rita Muller"]);
    expect((await listUsers(db, alice, page({ tags: [ids.pumps] }))).rows.map((r) => r.name)).toEqual(["Rita Muller"]);
    expect((await listUsers(db, alice, page({ tags: [ids.pumps, ids.boilers] }))).rows.map((r) => r.name)).toEqual(["Alice Adams", "Rita Muller"]);
    expect((await listUsers(db, alice, page({ tags: [ids.boilers], scope: "org" }))).rows.map((r) => r.name)).toEqual(["Alice Adams"]);
    const boss = await mullerAdmin(db);
    expect((await listUsers(db, boss, page({ tags: [ids.boilers] }))).rows.map((r) => r.name)).toEqual(["Rita Muller"]);
  });

  it("a tag id of another tenant filters to nobody", async () => {
    const gil = await actorFor(db, "admin@globex.test");
    expect((await listUsers(db, gil, page({ tags: [ids.boilers] }))).rows).toEqual([]);
  });

  it("shows each row's tags, by name", async () => {
    const alice = await actorFor(db, "admin@acme.test");
    const rita = await idOf(db, "r@muller.test");
    const shown = await tagsOfUsers(db, alice.viewer.tenant.id, [rita, await idOf(db, "staff@acme.test")]);
    expect(shown.get(rita)?.map((t) => t.name)).toEqual(["boilers", "Pumps"]);
    expect(shown.has(await idOf(db, "staff@acme.test"))).toBe(false);
  });

  it("exports the tags in the CSV, and the export honours the tag filter", async () => {
    const alice = await actorFor(db, "admin@acme.test");
    const rows: string[][] = [];
    for await (const row of exportUserRows(db, alice, { filters: userFiltersSchema.parse({ scope: "reach", tags: [ids.pumps] }) })) rows.push(row);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.slice(0, 1)).toEqual(["Rita Muller"]);
    expect(rows[0]![7]).toBe("boilers, Pumps");
  });
});

describe("the devices table", () => {
  it("filters by tag and shows each device's tags with their colours", async () => {
    const alice = await actorFor(db, "admin@acme.test");
    const list = await listDevices(db, alice, { q: "", scope: "reach", tags: [ids.pumps], sort: "name", dir: "asc", page: 1, size: 50 });
    expect(list?.rows.map((r) => r.name)).toEqual(["Thermostat"]);
    expect(list?.rows[0]?.tags).toEqual([
      { id: ids.boilers, name: "boilers", color: "teal" },
      { id: ids.pumps, name: "Pumps", color: "red" },
    ]);
    const all = await listDevices(db, alice, { q: "", scope: "reach", sort: "name", dir: "asc", page: 1, size: 50 });
    expect(all?.rows.find((r) => r.name === "Boiler")?.tags).toEqual([]);
  });
});
