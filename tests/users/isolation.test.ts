// security.md A2, A3, A4: every command, given a target the actor may not see — another
// tenant's, or above or beside a sub-org Admin — answers exactly as for a random unknown id,
// and the database does not change.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { devices, locations, organizations, tags, users } from "@/db/schema";
import { actorIn, type Actor } from "@/lib/commands/actor";
import type { BulkResult } from "@/lib/commands/bulk";

import { DomainError } from "@/lib/errors";
import { PolicyError } from "@/lib/policy";
import { deviceActionLog, deviceDetails } from "@/lib/devices/details";







import { exportUserRows } from "@/lib/users/export";
import { userFiltersSchema } from "@/lib/users/filters";
import { actorFor, orgIdByName } from "../helpers/actors";
import { freshDemoDb } from "../helpers/db";
import { userByEmail } from "../helpers/demo";
import { mullerAdmin, randomId, signUpTenant, withoutId } from "../helpers/fixtures";
import { snapshot } from "../helpers/snapshot";
import {
  applyDeviceTag, applyTag, changeRoles, createOrg, deleteDevice, deleteDevices, deleteLocation, deleteOrg, deleteTag, deleteUsers, editDevice, editLocation, editOrg, editOrgSettings, editTag,
  editUser, forceLogout, inviteUser, reactivateUsers, removeDeviceTag, removeTag, resendInvitations, revokeInvitations, sendDeviceLog, setDevicesLocation, setUserPassword, setUsersLocation,
  suspendUsers, transferDevice, transferUser,
} from "../helpers/commands";

let db: Db;

/** What the actor may legitimately use, and what they must not reach. */
type World = {
  actor: Actor;
  own: { userId: string; deviceId: string; locationId?: string };
  /** locationId: a location of the victim's org, absent when that org is above the actor's (its locations are theirs to use, product.md §1). */
  victim: { userId: string; email: string; deviceId: string; orgId: string; locationId?: string };
};

/** A location in each side's org: the actor's to use, the victim's to be out of reach. */
async function withLocations(w: World): Promise<World> {
  const add = async (orgId: string, name: string) => {
    const [org] = await db.select({ tenantId: organizations.tenantId, path: organizations.path }).from(organizations).where(eq(organizations.id, orgId));
    const [row] = await db.insert(locations).values({ tenantId: org!.tenantId, orgId, name }).returning({ id: locations.id });
    return { id: row!.id, path: org!.path };
  };
  const own = await add(w.actor.org.id, "Own site");
  const victim = await add(w.victim.orgId, "Victim site");
  const inherited = w.actor.org.path.startsWith(victim.path);
  return { ...w, own: { ...w.own, locationId: own.id }, victim: { ...w.victim, locationId: inherited ? undefined : victim.id } };
}

/** A tag of the actor's tenant and one of the victim's: tags are the tenant's, so within one tenant none is out of reach (a random id stands in). */
type Tags = { own: string; victim: string };

async function tagsOf(w: World): Promise<Tags> {
  const tagIn = async (tenantId: string, name: string) => (await db.insert(tags).values({ tenantId, name }).onConflictDoNothing().returning())[0]?.id ?? (await db.select({ id: tags.id }).from(tags).where(and(eq(tags.tenantId, tenantId), eq(tags.name, name))))[0]!.id;
  const [victim] = await db.select({ tenantId: users.tenantId }).from(users).where(eq(users.id, w.victim.userId));
  const own = await tagIn(w.actor.viewer.tenant.id, "Probe own");
  return { own, victim: victim!.tenantId === w.actor.viewer.tenant.id ? randomId() : await tagIn(victim!.tenantId, "Probe victim") };
}

async function deviceIn(orgName: string, name: string): Promise<string> {
  const [row] = await db
    .select({ id: devices.id })
    .from(devices)
    .innerJoin(organizations, eq(organizations.id, devices.orgId))
    .where(and(eq(organizations.name, orgName), eq(devices.name, name)));
  return row!.id;
}

async function victimUser(email: string) {
  const user = await userByEmail(db, email);
  return { userId: user.id, email };
}

/** A device in the root org, which the demo data does not have. */
async function rootDevice(): Promise<string> {
  const root = await orgIdByName(db, "Acme Heating");
  const [kit] = await db.insert(devices).values({ tenantId: root, orgId: root, name: "Demo Kit", ownerId: (await userByEmail(db, "staff@acme.test")).id }).returning();
  return kit!.id;
}

/** A tenant made by sign-up, with a device its Admin owns. */
async function signedUpTenant(): Promise<{ adminEmail: string; orgId: string; deviceId: string }> {
  const adminEmail = "founder@signed-up.test";
  const { tenantId, adminId } = await signUpTenant(db, { email: adminEmail, orgName: "Signed Up Ltd" });
  const [device] = await db.insert(devices).values({ tenantId, orgId: tenantId, name: "Sensor", ownerId: adminId }).returning();
  return { adminEmail, orgId: tenantId, deviceId: device!.id };
}

const SCENARIOS: Array<[string, () => Promise<World>]> = [
  [
    "the Admin of a tenant created by sign-up, on Acme",
    async () => {
      const signedUp = await signedUpTenant();
      return {
        actor: await actorFor(db, signedUp.adminEmail),
        own: { userId: (await userByEmail(db, signedUp.adminEmail)).id, deviceId: signedUp.deviceId },
        victim: { ...(await victimUser("staff@acme.test")), deviceId: await deviceIn("Muller Boiler Group", "Boiler"), orgId: await orgIdByName(db, "Acme Heating") },
      };
    },
  ],
  [
    "an Acme Admin, on a tenant created by sign-up",
    async () => {
      const signedUp = await signedUpTenant();
      return {
        actor: await actorFor(db, "admin@acme.test"),
        own: { userId: (await userByEmail(db, "user@acme.test")).id, deviceId: await deviceIn("Muller Boiler Group", "Thermostat") },
        victim: { ...(await victimUser(signedUp.adminEmail)), deviceId: signedUp.deviceId, orgId: signedUp.orgId },
      };
    },
  ],
  [
    "an Acme Admin, on Globex",
    async () => ({
      actor: await actorFor(db, "admin@acme.test"),
      own: { userId: (await userByEmail(db, "user@acme.test")).id, deviceId: await deviceIn("Muller Boiler Group", "Thermostat") },
      victim: { ...(await victimUser("admin@globex.test")), deviceId: await deviceIn("Globex", "Water Heater"), orgId: await orgIdByName(db, "Globex") },
    }),
  ],
  [
    "the Globex Admin, on Acme",
    async () => ({
      actor: await actorFor(db, "admin@globex.test"),
      own: { userId: (await userByEmail(db, "admin@globex.test")).id, deviceId: await deviceIn("Globex", "Water Heater") },
      victim: { ...(await victimUser("staff@acme.test")), deviceId: await deviceIn("Muller Boiler Group", "Boiler"), orgId: await orgIdByName(db, "Acme Heating") },
    }),
  ],
  [
    "a sub-org Admin, on their parent org",
    async () => {
      const actor = await mullerAdmin(db);
      return {
        actor,
        own: { userId: (await userByEmail(db, "w@muller.test")).id, deviceId: await deviceIn("Muller Boiler Group", "Thermostat") },
        victim: { ...(await victimUser("staff@acme.test")), deviceId: await rootDevice(), orgId: await orgIdByName(db, "Acme Heating") },
      };
    },
  ],
  [
    // Below their org, but out of view: the User role cannot switch to sub-organizations.
    "a root-org User, on a sub-org",
    async () => ({
      actor: await actorFor(db, "user@acme.test"),
      own: { userId: (await userByEmail(db, "staff@acme.test")).id, deviceId: await rootDevice() },
      victim: { ...(await victimUser("r@muller.test")), deviceId: await deviceIn("Muller Boiler Group", "Thermostat"), orgId: await orgIdByName(db, "Muller Boiler Group") },
    }),
  ],
  [
    "a sub-org Admin, on a sibling org",
    async () => ({
      actor: await mullerAdmin(db),
      own: { userId: (await userByEmail(db, "w@muller.test")).id, deviceId: await deviceIn("Muller Boiler Group", "Thermostat") },
      victim: { ...(await victimUser("m@united.test")), deviceId: await deviceIn("Marsh Residence", "Pool Heater"), orgId: await orgIdByName(db, "Marsh Residence") },
    }),
  ],
];

type Probe = (w: World & { tags: Tags }, id: string) => Promise<unknown>;
const o = (w: World) => ({ orgId: w.actor.org.id });

/** Each command, aimed at `id` (a user, device or org id depending on the probe). */
const PROBES: Array<[string, Probe]> = [
  ["edit user", (w, id) => editUser(db, w.actor, { ...o(w), userId: id, name: "Renamed", role: "user", locationIds: [] })],
  ["change role", (w, id) => changeRoles(db, w.actor, { ...o(w), userIds: [id], role: "user" })],
  ["change role to Admin", (w, id) => changeRoles(db, w.actor, { ...o(w), userIds: [id], role: "admin" })],
  ["set password", (w, id) => setUserPassword(db, w.actor, { ...o(w), userId: id, password: "a-brand-new-passphrase" })],
  ["force logout", (w, id) => forceLogout(db, w.actor, { ...o(w), userIds: [id] })],
  ["suspend", (w, id) => suspendUsers(db, w.actor, { ...o(w), userIds: [id] })],
  ["reactivate", (w, id) => reactivateUsers(db, w.actor, { ...o(w), userIds: [id] })],
  ["transfer user", (w, id) => transferUser(db, w.actor, { ...o(w), userId: id, destination: o(w), role: "user" })],
  ["transfer user into the org", (w, id) => transferUser(db, w.actor, { ...o(w), userId: w.own.userId, destination: { orgId: id }, role: "user" })],
  ["delete", (w, id) => deleteUsers(db, w.actor, { ...o(w), userIds: [id], confirm: "DELETE" })],
  ["bulk delete", (w, id) => deleteUsers(db, w.actor, { ...o(w), userIds: [id, randomId()], confirm: "DELETE" })],
  ["resend invitation", (w, id) => resendInvitations(db, w.actor, { ...o(w), userIds: [id] })],
  ["revoke invitation", (w, id) => revokeInvitations(db, w.actor, { ...o(w), userIds: [id] })],
  ["send device log", (w, id) => sendDeviceLog(db, w.actor, { ...o(w), userId: id, days: 7 })],
  ["apply tag", (w, id) => applyTag(db, w.actor, { ...o(w), userIds: [id], tag: { name: "Probe" } })],
  ["remove tag", (w, id) => removeTag(db, w.actor, { ...o(w), userIds: [id], tagId: w.tags.own })],
  ["apply the tag", (w, id) => applyTag(db, w.actor, { ...o(w), userIds: [w.own.userId], tag: { id } })],
  ["edit tag", (w, id) => editTag(db, w.actor, { ...o(w), tagId: id, name: "Renamed", color: "red" })],
  ["delete tag", (w, id) => deleteTag(db, w.actor, { ...o(w), tagId: id })],
  ["device apply tag", (w, id) => applyDeviceTag(db, w.actor, { ...o(w), deviceIds: [id], tag: { name: "Probe" } })],
  ["device remove tag", (w, id) => removeDeviceTag(db, w.actor, { ...o(w), deviceIds: [id], tagId: w.tags.own })],
  ["device apply the tag", (w, id) => applyDeviceTag(db, w.actor, { ...o(w), deviceIds: [w.own.deviceId], tag: { id } })],
  ["invite into the org", (w, id) => inviteUser(db, w.actor, { ...o(w), targetOrgId: id, name: "Probe", email: "probe@probe.test", role: "user", locationIds: [] })],
  ["device transfer", (w, id) => transferDevice(db, w.actor, { ...o(w), deviceId: id, newOwnerId: null })],
  ["device transfer to the owner", (w, id) => transferDevice(db, w.actor, { ...o(w), deviceId: w.own.deviceId, newOwnerId: id })],
  ["device transfer into the org", (w, id) => transferDevice(db, w.actor, { ...o(w), deviceId: w.own.deviceId, destinationOrgId: id, newOwnerId: null })],
  ["delete device", (w, id) => deleteDevice(db, w.actor, { ...o(w), deviceId: id, confirm: "DELETE" })],
  ["create a sub-org under the org", (w, id) => createOrg(db, w.actor, { ...o(w), parentId: id, name: "Probe Works", type: "client", admins: [{ name: "Probe", email: "probe-admin@probe.test" }] })],
  ["edit the org", (w, id) => editOrg(db, w.actor, { ...o(w), targetOrgId: id, name: "Probe Works", description: "", canCreateSubOrgs: false })],
  ["delete the org", (w, id) => deleteOrg(db, w.actor, { ...o(w), targetOrgId: id, confirm: "DELETE" })],
  // Commands whose only id is the org they act in (create a device, roles, grants, self sign-up)
  // reach it through the action's actorIn: this probe is theirs.
  ["device edit", (w, id) => editDevice(db, w.actor, { ...o(w), deviceId: id, name: "Probe", model: "" })],
  ["device bulk delete", (w, id) => deleteDevices(db, w.actor, { ...o(w), deviceIds: [id, randomId()], confirm: "DELETE" })],
  ["device profile", (w, id) => deviceDetails(db, w.actor, id)],
  ["device actions log", (w, id) => deviceActionLog(db, w.actor, id)],
  ["switch into the org", (w, id) => actorIn(db, w.actor.viewer, id)],
  // Settings are the shown org's: aimed at another org, as the action resolves its actor, and as the command reads its input.
  ["edit the org's settings", async (w, id) => editOrgSettings(db, await actorIn(db, w.actor.viewer, id), { orgId: id, name: "Probe Org", description: "", timezone: "UTC" })],
  ["edit the org's settings from here", (w, id) => editOrgSettings(db, w.actor, { orgId: id, name: "Probe Org", description: "", timezone: "UTC" })],
  ["set location of the user", (w, id) => setUsersLocation(db, w.actor, { ...o(w), userIds: [id], locationId: null })],
  ["set location of the device", (w, id) => setDevicesLocation(db, w.actor, { ...o(w), deviceIds: [id], locationId: null })],
  ["edit location", (w, id) => editLocation(db, w.actor, { ...o(w), locationId: id, name: "Probe" })],
  ["delete location", (w, id) => deleteLocation(db, w.actor, { ...o(w), locationId: id, confirm: "DELETE" })],
  ["give the user the location", (w, id) => setUsersLocation(db, w.actor, { ...o(w), userIds: [w.own.userId], locationId: id })],
  ["give the device the location", (w, id) => setDevicesLocation(db, w.actor, { ...o(w), deviceIds: [w.own.deviceId], locationId: id })],
  [
    "export the named user",
    async (w, id) => {
      const rows = [];
      for await (const row of exportUserRows(db, w.actor, { userIds: [id], filters: userFiltersSchema.parse({}) })) rows.push(row);
      return rows;
    },
  ],
];

const DEVICE_PROBES = new Set(["device transfer", "delete device", "device edit", "device bulk delete", "device profile", "device actions log", "set location of the device", "device apply tag", "device remove tag"]);
const LOCATION_PROBES = new Set(["edit location", "delete location", "give the user the location", "give the device the location"]);
/** Commands that need "Manage locations", refused up front without it. */
const LOCATION_COMMANDS = new Set(["set location of the device", "edit location", "delete location", "give the device the location"]);
const TAG_PROBES = new Set(["apply the tag", "edit tag", "delete tag", "device apply the tag"]);
// Refused up front without the tags permission, before any id is looked at (like the commands on users).
const NEEDS_TAGS_MANAGE = new Set([...TAG_PROBES, "device apply tag", "device remove tag"]);
const ORG_COMMANDS = ["create a sub-org under the org", "edit the org", "delete the org", "edit the org's settings", "edit the org's settings from here"];
const NOT_USER_COMMANDS = new Set(["invite into the org", "device transfer to the owner", "device transfer into the org", ...ORG_COMMANDS, "switch into the org", "export the named user", ...DEVICE_PROBES, ...LOCATION_COMMANDS, ...TAG_PROBES]);
const USER_COMMANDS = new Set(PROBES.map(([name]) => name).filter((name) => !NOT_USER_COMMANDS.has(name)));
const ORG_PROBES = new Set(["transfer user into the org", "invite into the org", "device transfer into the org", ...ORG_COMMANDS, "switch into the org"]);
const targetOf = (probe: string, w: World & { tags: Tags }) =>
  LOCATION_PROBES.has(probe) ? w.victim.locationId! : DEVICE_PROBES.has(probe) ? w.victim.deviceId : ORG_PROBES.has(probe) ? w.victim.orgId : TAG_PROBES.has(probe) ? w.tags.victim : w.victim.userId;

/** The observable answer, with ids removed, after proving the database did not change. */
async function answer(run: () => Promise<unknown>): Promise<unknown> {
  const before = await snapshot(db);
  let outcome: unknown;
  try {
    const value = await run();
    outcome = isBulk(value) ? { done: value.done, skipped: value.skipped.map(withoutId) } : { value: Array.isArray(value) ? value : typeof value };
  } catch (error) {
    if (error instanceof PolicyError) outcome = { code: error.code, refusal: error.refusal, message: error.message };
    else if (error instanceof DomainError) outcome = { code: error.code, refusal: error.refusal, message: error.message, field: error.field, fieldErrors: error.fieldErrors };
    else throw error;
  }
  expect(await snapshot(db)).toEqual(before);
  return outcome;
}
const isBulk = (v: unknown): v is BulkResult => !!v && typeof v === "object" && "done" in v && "skipped" in v;

const UNKNOWN_ROW = { name: "Unknown user", reason: "Not found", code: "NOT_FOUND", refusal: "NOT_FOUND" };
const UNKNOWN_DEVICE = { ...UNKNOWN_ROW, name: "Unknown device" };

/** A refusal that says only "not found": the error, every bulk row skipped so, or no export rows. */
function expectNotFound(outcome: unknown, probe: string, actor: Actor): void {
  // Without the export permission the export is refused before any id is looked at; so is every
  // command on users for a viewer who may not see users (assertMayActOnUsers).
  // Likewise a bulk command on devices for a viewer without its permission (runOnDevices).
  const noDeviceDelete = (probe === "device bulk delete" || probe === "delete device") && !actor.policy.grants.has("org_devices.delete");
  if (
    (probe === "export the named user" && !actor.policy.grants.has("users.export")) ||
    (USER_COMMANDS.has(probe) && !actor.policy.grants.has("users.view")) ||
    (LOCATION_COMMANDS.has(probe) && !actor.policy.grants.has("locations.manage")) ||
    (NEEDS_TAGS_MANAGE.has(probe) && !actor.policy.grants.has("tags.manage")) ||
    (probe === "apply the tag" && !actor.policy.grants.has("users.view")) ||
    // Renaming or deleting the tenant's tags is the root's: below it, refused before any id is looked at.
    ((probe === "edit tag" || probe === "delete tag") && actor.org.depth !== 1) ||
    noDeviceDelete
  ) {
    expect(outcome).toMatchObject({ code: "FORBIDDEN" });
  } else if (outcome && typeof outcome === "object" && "code" in outcome) {
    expect(outcome).toMatchObject({ code: "NOT_FOUND", refusal: "NOT_FOUND", message: "Not found" });
  } else if (isBulk(outcome)) {
    expect(outcome.done).toEqual([]);
    expect(outcome.skipped.length).toBeGreaterThan(0);
    for (const row of outcome.skipped) expect(row).toEqual(DEVICE_PROBES.has(probe) ? UNKNOWN_DEVICE : UNKNOWN_ROW);
  } else {
    expect(outcome).toEqual({ value: [] });
  }
}

describe.each(SCENARIOS)("%s", (_label, world) => {
  // The probes are proven to write nothing, so they share one database and one world.
  let shared: World & { tags: Tags };
  beforeAll(async () => {
    db = await freshDemoDb();
    const w = await withLocations(await world());
    shared = { ...w, tags: await tagsOf(w) };
  });

  it.each(PROBES)("%s: refused like an unknown id, nothing written", async (probe, run) => {
    const w = shared;
    // A parent org's locations are the sub-org's to use (inherited): nothing to probe there.
    if (LOCATION_PROBES.has(probe) && !w.victim.locationId) return;
    const victim = await answer(() => run(w, targetOf(probe, w)));
    const unknown = await answer(() => run(w, randomId()));
    expect(victim).toEqual(unknown);
    expectNotFound(victim, probe, w.actor);
  });

  it("'all matching' with the victim's exact email finds nobody", async () => {
    const w = shared;
    // A viewer who may not see users is refused before any matching is done.
    const expected = w.actor.policy.grants.has("users.view") ? { done: [], skipped: [] } : { code: "FORBIDDEN", refusal: "MISSING_PERMISSION", message: 'You need the "View users" permission' };
    for (const run of [
      () => forceLogout(db, w.actor, { ...o(w), matching: { q: w.victim.email, scope: "reach" } }),
      () => changeRoles(db, w.actor, { ...o(w), matching: { q: w.victim.email, scope: "reach" }, role: "user" }),
      () => deleteUsers(db, w.actor, { ...o(w), matching: { q: w.victim.email, scope: "reach" }, confirm: "DELETE" }),
    ]) {
      expect(await answer(run)).toMatchObject(expected);
    }
  });

  // The controls write, so each starts from a fresh database.
  it.each(PROBES)("%s, control: aimed inside the actor's reach, it is not answered 'not found'", async (probe, run) => {
    db = await freshDemoDb();
    const bare = await withLocations(await world());
    const w = { ...bare, tags: await tagsOf(bare) };
    const target = LOCATION_PROBES.has(probe) ? w.own.locationId! : DEVICE_PROBES.has(probe) ? w.own.deviceId : ORG_PROBES.has(probe) ? w.actor.org.id : TAG_PROBES.has(probe) ? w.tags.own : w.own.userId;
    const outcome = await run(w, target).catch((error: unknown) => error);
    if (outcome instanceof DomainError || outcome instanceof PolicyError) expect(outcome.code).not.toBe("NOT_FOUND");
    else if (isBulk(outcome)) expect(outcome.skipped.find((s) => s.id === target)?.code).not.toBe("NOT_FOUND");
    else if (probe === "export the named user") expect(outcome).toHaveLength(1);
    else expect(outcome).not.toBeInstanceOf(Error);
  });
});
