// The reads: Settings → Locations (own and inherited, searched, sorted, paged), the pickers'
// "usable here", a location's profile, and the users and devices tables filtered by location.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { devices, roleGrants } from "@/db/schema";
import type { Actor } from "@/lib/commands/actor";
import { listDevices } from "@/lib/devices/list";
import { listLocations } from "@/lib/locations/list";
import { locationProfile } from "@/lib/locations/profile";
import { usableLocations } from "@/lib/locations/usable";
import { userFiltersSchema } from "@/lib/users/filters";
import { listUsers } from "@/lib/users/list";
import { actorFor, orgIdByName } from "../helpers/actors";
import { createLocation, setDevicesLocation, setUsersLocation } from "../helpers/commands";
import { freshDemoDb } from "../helpers/db";
import { userByEmail } from "../helpers/demo";
import { mullerAdmin, randomId } from "../helpers/fixtures";

let db: Db;
let admin: Actor;
let muller: Actor;
let ids: { hq: string; depot: string; yard: string; globex: string };
const page = { q: "", sort: "name" as const, dir: "asc" as const, page: 1, size: 50 };

beforeAll(async () => {
  db = await freshDemoDb();
  admin = await actorFor(db, "admin@acme.test");
  const o = { orgId: admin.org.id };
  const hq = (await createLocation(db, admin, { ...o, name: "HQ", address: "Hauptstraße 1, Berlin" })).locationId;
  const depot = (await createLocation(db, admin, { ...o, name: "Depot", address: "Ring 9" })).locationId;
  const inMuller = await actorFor(db, "admin@acme.test", await orgIdByName(db, "Muller Boiler Group"));
  const yard = (await createLocation(db, inMuller, { orgId: inMuller.org.id, name: "Yard" })).locationId;
  const globexAdmin = await actorFor(db, "admin@globex.test");
  const globex = (await createLocation(db, globexAdmin, { orgId: globexAdmin.org.id, name: "Globex HQ" })).locationId;
  ids = { hq, depot, yard, globex };
  const [w, r, uma] = [await userByEmail(db, "w@muller.test"), await userByEmail(db, "r@muller.test"), await userByEmail(db, "user@acme.test")];
  await setUsersLocation(db, admin, { ...o, userIds: [w.id, r.id], locationId: hq });
  await setUsersLocation(db, admin, { ...o, userIds: [uma.id], locationId: depot });
  const [boiler] = await db.select({ id: devices.id }).from(devices).where(eq(devices.name, "Boiler"));
  await setDevicesLocation(db, admin, { ...o, deviceIds: [boiler!.id], locationId: hq });
  muller = await mullerAdmin(db);
});

describe("Settings → Locations", () => {
  it("lists the org's own locations with counts of what the viewer sees at each", async () => {
    const list = await listLocations(db, admin, page);
    expect(list.rows.map((r) => [r.name, r.inherited, r.devices, r.people])).toEqual([
      ["Depot", false, 0, 1],
      ["HQ", false, 1, 2],
    ]);
    expect(list.total).toBe(2);
  });

  it("searches name and address, and sorts by people and address", async () => {
    expect((await listLocations(db, admin, { ...page, q: "berlin" })).rows.map((r) => r.name)).toEqual(["HQ"]);
    expect((await listLocations(db, admin, { ...page, sort: "people", dir: "desc" })).rows.map((r) => r.name)).toEqual(["HQ", "Depot"]);
    expect((await listLocations(db, admin, { ...page, sort: "address", dir: "asc" })).rows.map((r) => r.name)).toEqual(["HQ", "Depot"]);
  });

  it("pages in SQL", async () => {
    const first = await listLocations(db, admin, { ...page, size: 25 });
    expect(first).toMatchObject({ page: 1, pages: 1 });
    const beyond = await listLocations(db, admin, { ...page, page: 9 });
    expect(beyond.page).toBe(1);
  });

  it("shows a sub-org its parent's locations as inherited, without naming an org above the viewer's own", async () => {
    const list = await listLocations(db, muller, page);
    expect(list.rows.map((r) => [r.name, r.inherited, r.orgName])).toEqual([
      ["Depot", true, null],
      ["HQ", true, null],
      ["Yard", false, "Muller Boiler Group"],
    ]);
    // Counted within the sub-org only: Uma, at the Depot, is in the root org.
    expect(list.rows.find((r) => r.name === "Depot")).toMatchObject({ people: 0 });
    // The root's Admin switched into the sub-org may name the root: it is in their reach.
    const switched = await actorFor(db, "admin@acme.test", muller.org.id);
    expect((await listLocations(db, switched, page)).rows.find((r) => r.name === "HQ")?.orgName).toBe("Acme Heating");
  });

  it("refuses a viewer who sees neither people nor devices", async () => {
    const user = await actorFor(db, "user@acme.test");
    await db.delete(roleGrants).where(eq(roleGrants.roleId, (await db.query.roles.findFirst({ where: (r, { and, eq: is }) => and(is(r.tenantId, user.viewer.tenant.id), is(r.key, "user")) }))!.id));
    const bare = await actorFor(db, "user@acme.test");
    await expect(listLocations(db, bare, page)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("usable here (pickers and filters)", () => {
  it("is the org's own and its ancestors' locations, never a sub-org's, a sibling's or another tenant's", async () => {
    expect((await usableLocations(db, admin)).map((l) => l.name)).toEqual(["Depot", "HQ"]);
    expect((await usableLocations(db, muller)).map((l) => [l.name, l.inherited])).toEqual([
      ["Depot", true],
      ["HQ", true],
      ["Yard", false],
    ]);
    const united = await actorFor(db, "admin@acme.test", await orgIdByName(db, "United Heaters Inc."));
    expect((await usableLocations(db, united)).map((l) => l.name)).not.toContain("Yard");
  });
});

describe("a location's profile", () => {
  it("lists its people and devices within the viewer's view", async () => {
    const profile = await locationProfile(db, admin, ids.hq);
    expect(profile).toMatchObject({ name: "HQ", inherited: false, orgName: "Acme Heating" });
    expect(profile.people?.rows.map((p) => p.name)).toEqual(["Rita Muller", "Walter Muller"]);
    expect(profile.devices?.rows.map((d) => d.name)).toEqual(["Boiler"]);
    expect(profile.people?.total).toBe(2);
  });

  it("answers another tenant's, a sub-org's and an unknown id alike: not found", async () => {
    for (const id of [ids.globex, ids.yard, randomId(), "not-a-uuid"]) {
      await expect(locationProfile(db, admin, id)).rejects.toMatchObject({ code: "NOT_FOUND", message: "Not found" });
    }
  });
});

describe("the tables filtered by location", () => {
  const filters = (over: object) => userFiltersSchema.parse(over);
  it("users: people at one location, or any of several; other filters still apply", async () => {
    const one = await listUsers(db, admin, { filters: filters({ scope: "reach", locations: [ids.hq] }), sort: { key: "name", dir: "asc" }, size: 50 });
    expect(one.rows.map((r) => r.name)).toEqual(["Rita Muller", "Walter Muller"]);
    expect(one.total).toBe(2);
    const both = await listUsers(db, admin, { filters: filters({ scope: "reach", locations: [ids.hq, ids.depot] }), sort: { key: "location", dir: "asc" }, size: 50 });
    expect(both.rows.map((r) => [r.name, r.location])).toEqual([
      ["Uma Ulrich", "Depot"],
      ["Rita Muller", "HQ"],
      ["Walter Muller", "HQ"],
    ]);
    const inOrg = await listUsers(db, admin, { filters: filters({ locations: [ids.hq] }), sort: { key: "name", dir: "asc" }, size: 50 });
    expect(inOrg.total).toBe(0);
    const foreign = await listUsers(db, admin, { filters: filters({ scope: "reach", locations: [ids.globex] }), sort: { key: "name", dir: "asc" }, size: 50 });
    expect(foreign.total).toBe(0);
  });

  it("devices: the devices at the chosen locations", async () => {
    const list = await listDevices(db, admin, { q: "", scope: "reach", locations: [ids.hq], sort: "name", dir: "asc", page: 1, size: 50 });
    expect(list?.rows.map((d) => [d.name, d.location])).toEqual([["Boiler", "HQ"]]);
    const none = await listDevices(db, admin, { q: "", scope: "reach", locations: [ids.depot], sort: "name", dir: "asc", page: 1, size: 50 });
    expect(none?.total).toBe(0);
  });
});
