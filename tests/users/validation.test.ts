// security.md A6, B5, F1, F3, F6: malformed input to any command is INVALID, and changes nothing.
import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { devices, deviceTags, locations, tags, userTags } from "@/db/schema";
import type { Actor } from "@/lib/commands/actor";









import { actorFor, orgIdByName } from "../helpers/actors";
import { freshDemoDb } from "../helpers/db";
import { userByEmail } from "../helpers/demo";
import { idOf } from "../helpers/fixtures";
import { refusedWithoutChange } from "../helpers/snapshot";
import { DomainError } from "@/lib/errors";
import {
  applyDeviceTag, applyTag, changeRoles, createDevice, createLocation, createOrg, createRole, createTag, deleteDevice, deleteDevices, deleteLocation, deleteOrg, deleteRole, deleteTag, deleteUsers,
  editDevice, editLocation, editOrg, editOrgSettings, editTag, editUser, forceLogout, inviteUser, reactivateUsers, removeDeviceTag, removeTag, renameRole, resendInvitations, revokeInvitations,
  sendDeviceLog, setDevicesLocation, setUserPassword, setUsersLocation, suspendUsers, transferDevice, transferUser, updateGrants, updateSelfSignup,
} from "../helpers/commands";

let db: Db;
let actor: Actor;
let ids: { user: string; w: string; hill: string; thermostat: string; location: string; tag: string };
// Refusals are proven to write nothing (refusedWithoutChange), so they share one database;
// the controls, which do write, each get a fresh one.
beforeAll(setUp);

async function setUp() {
  db = await freshDemoDb();
  actor = await actorFor(db, "admin@acme.test");
  const w = await userByEmail(db, "w@muller.test");
  const [thermostat] = await db.select().from(devices).where(eq(devices.orgId, w.orgId));
  const [location] = await db.insert(locations).values({ tenantId: actor.viewer.tenant.id, orgId: actor.org.id, name: "Depot" }).returning();
  const [tag] = await db.insert(tags).values({ tenantId: actor.viewer.tenant.id, name: "Boilers", color: "teal" }).returning();
  await db.insert(userTags).values({ tenantId: actor.viewer.tenant.id, userId: await idOf(db, "user@acme.test"), tagId: tag!.id });
  await db.insert(deviceTags).values({ tenantId: actor.viewer.tenant.id, deviceId: thermostat!.id, tagId: tag!.id });
  ids = { user: await idOf(db, "user@acme.test"), w: w.id, hill: await orgIdByName(db, "Hill Cottage"), thermostat: thermostat!.id, location: location!.id, tag: tag!.id };
}

const TEN_KB = "x".repeat(10_000);
const UUID = "00000000-0000-4000-8000-000000000001";
const thousandAndOne = () => Array.from({ length: 1001 }, () => crypto.randomUUID());

type Patch = Record<string, unknown> | "replace-with-null" | "replace-with-string";
type Case = [label: string, patch: Patch];

const COMMON: Case[] = [
  ["no object at all", "replace-with-null"],
  ["a string instead of an object", "replace-with-string"],
  ["an unknown tenantId key", { tenantId: UUID }],
  ["an orgId of the wrong type", { orgId: 42 }],
  ["a 10 kB orgId", { orgId: TEN_KB }],
];

const BULK: Case[] = [
  ["1001 ids", { userIds: thousandAndOne() }],
  ["no ids", { userIds: [] }],
  ["an id that is not a uuid", { userIds: ["1 OR 1=1"] }],
  ["ids as a string", { userIds: UUID }],
  ["ids and 'all matching' together", { matching: {} }],
  ["neither ids nor 'all matching'", { userIds: undefined }],
  ["a 10 kB search", { userIds: undefined, matching: { q: TEN_KB } }],
  ["an unknown filter", { userIds: undefined, matching: { tenantId: UUID } }],
  ["a malformed role filter", { userIds: undefined, matching: { roles: ["admin' OR '1'='1"] } }],
  ["an unknown scope", { userIds: undefined, matching: { scope: "tenant" } }],
];

const TAG_NAME: Case[] = [
  ["a blank tag name", { name: "  " }],
  ["31 characters of tag name", { name: "t".repeat(31) }],
  ["a 10 kB tag name", { name: TEN_KB }],
  ["a tag name with CR LF", { name: "a\r\nb" }],
  ["a numeric tag name", { name: 42 }],
];
const TAG_COLOR: Case[] = [
  ["a colour outside the palette", { color: "chartreuse" }],
  ["a CSS colour", { color: "#ff0000" }],
  ["a 10 kB colour", { color: TEN_KB }],
];
const TAG_ID: Case[] = [
  ["a tagId that is not a uuid", { tagId: "1 OR 1=1" }],
  ["no tagId", { tagId: undefined }],
  ["two tagIds", { tagId: [UUID, UUID] }],
];
const TAG_CHOICE: Case[] = [
  ["a tag as a bare string", { tag: "VIP" }],
  ["a tag with both id and name", { tag: { id: UUID, name: "VIP" } }],
  ["a tag id that is not a uuid", { tag: { id: "1 OR 1=1" } }],
  ["a new tag with CR LF", { tag: { name: "a\r\nb" } }],
  ["a 10 kB new tag", { tag: { name: TEN_KB } }],
  ["a new tag in a colour outside the palette", { tag: { name: "VIP", color: "chartreuse" } }],
  ["no tag", { tag: undefined }],
];
const DEVICE_IDS: Case[] = [
  ["1001 device ids", { deviceIds: thousandAndOne() }],
  ["no device ids", { deviceIds: [] }],
  ["a device id that is not a uuid", { deviceIds: ["1 OR 1=1"] }],
  ["device ids as a string", { deviceIds: UUID }],
  ["userIds instead of deviceIds", { deviceIds: undefined, userIds: [UUID] }],
];

const NAME: Case[] = [
  ["a 10 kB name", { name: TEN_KB }],
  ["61 characters of name", { name: "n".repeat(61) }],
  ["a name with CR LF", { name: "Eve\r\nBcc: victim@evil.example" }],
  ["a name with a NUL", { name: "Eve\u0000" }],
  ["a blank name", { name: "   " }],
  ["a name that is a number", { name: 42 }],
  ["a 10 kB role", { role: TEN_KB }],
  ["a role of the wrong shape", { role: "Admin" }],
  ["a phone with letters", { phone: "call me maybe" }],
  ["a location that is not a uuid", { locationIds: ["here"] }],
  ["21 locations", { locationIds: Array.from({ length: 21 }, () => crypto.randomUUID()) }],
];

const ORG_NAME: Case[] = [
  ["a 10 kB name", { name: TEN_KB }],
  ["a two-letter name", { name: "ab" }],
  ["a name with CR LF", { name: "Acme\r\nBcc: victim@evil.example" }],
  ["a 501-character description", { description: "d".repeat(501) }],
];
const ROLE_KEY: Case[] = [
  ["a role key with a quote", { role: "admin' OR '1'='1" }],
  ["a 10 kB role key", { role: TEN_KB }],
];

/**
 * `refusedValid`: the base input is valid but the demo refuses it for another reason (custom roles
 * and self sign-up are business features; every demo org holds people), so its control expects a
 * refusal other than INVALID.
 */
type Command = { run: (raw: unknown) => Promise<unknown>; base: () => Record<string, unknown>; cases: Case[]; refusedValid?: true };

const COMMANDS: Record<string, Command> = {
  invite: {
    run: (raw) => inviteUser(db, actor, raw),
    base: () => ({ orgId: actor.org.id, name: "Valid Name", email: "valid@acme.test", role: "user", locationIds: [] }),
    cases: [
      ...NAME,
      ["a 10 kB email", { email: `${TEN_KB}@acme.test` }],
      ["an email with CR LF", { email: "a@acme.test\r\nBcc: b@evil.example" }],
      ["a full-width at sign", { email: "valid＠acme.test" }],
      ["no email", { email: undefined }],
      ["a developerMode key", { developerMode: true }],
      ["a passwordHash key", { passwordHash: "$argon2id$v=19$..." }],
      ["a target org that is not a uuid", { targetOrgId: "root" }],
    ],
  },
  edit: {
    run: (raw) => editUser(db, actor, raw),
    base: () => ({ orgId: actor.org.id, userId: ids.user, name: "Valid Name", role: "user", locationIds: [] }),
    cases: [...NAME, ["an email key", { email: "evil@acme.test" }], ["a userId that is not a uuid", { userId: "me" }], ["an orgId of the target", { targetOrgId: UUID }]],
  },
  "change role": { run: (raw) => changeRoles(db, actor, raw), base: () => ({ orgId: actor.org.id, userIds: [ids.user], role: "staff" }), cases: [...BULK, ["no role", { role: undefined }]] },
  "set password": {
    run: (raw) => setUserPassword(db, actor, raw),
    base: () => ({ orgId: actor.org.id, userId: ids.user, password: "a-brand-new-passphrase" }),
    cases: [["a 10 kB password", { password: TEN_KB }], ["a numeric password", { password: 12345678 }], ["a sessionVersion key", { sessionVersion: 1 }], ["two users", { userId: [UUID, UUID] }]],
  },
  "force logout": { run: (raw) => forceLogout(db, actor, raw), base: () => ({ orgId: actor.org.id, userIds: [ids.user] }), cases: BULK },
  suspend: { run: (raw) => suspendUsers(db, actor, raw), base: () => ({ orgId: actor.org.id, userIds: [ids.user] }), cases: BULK },
  reactivate: { run: (raw) => reactivateUsers(db, actor, raw), base: () => ({ orgId: actor.org.id, userIds: [ids.user] }), cases: BULK },
  delete: { run: (raw) => deleteUsers(db, actor, raw), base: () => ({ orgId: actor.org.id, userIds: [ids.user], confirm: "DELETE" }), cases: [...BULK, ["a confirmation of the wrong type", { confirm: true }]] },
  "resend invitation": { run: (raw) => resendInvitations(db, actor, raw), base: () => ({ orgId: actor.org.id, userIds: [ids.user] }), cases: BULK },
  "revoke invitation": { run: (raw) => revokeInvitations(db, actor, raw), base: () => ({ orgId: actor.org.id, userIds: [ids.user] }), cases: BULK },
  "send device log": {
    run: (raw) => sendDeviceLog(db, actor, raw),
    base: () => ({ orgId: actor.org.id, userId: ids.w, days: 30 }),
    cases: [
      ["8 days", { days: 8 }],
      ["days as a string", { days: "30" }],
      ["no days", { days: undefined }],
      ["no userId", { userId: undefined }],
      ["a userId that is not a uuid", { userId: "1 OR 1=1" }],
      ["two users", { userId: [UUID, UUID] }],
      ["a recipient address", { to: "evil@example.test" }],
    ],
  },
  "apply tag": { run: (raw) => applyTag(db, actor, raw), base: () => ({ orgId: actor.org.id, userIds: [ids.user], tag: { name: "VIP" } }), cases: [...BULK, ...TAG_CHOICE] },
  "remove tag": { run: (raw) => removeTag(db, actor, raw), base: () => ({ orgId: actor.org.id, userIds: [ids.user], tagId: ids.tag }), cases: [...BULK, ...TAG_ID] },
  "device apply tag": { run: (raw) => applyDeviceTag(db, actor, raw), base: () => ({ orgId: actor.org.id, deviceIds: [ids.thermostat], tag: { name: "VIP" } }), cases: [...DEVICE_IDS, ...TAG_CHOICE] },
  "device remove tag": { run: (raw) => removeDeviceTag(db, actor, raw), base: () => ({ orgId: actor.org.id, deviceIds: [ids.thermostat], tagId: ids.tag }), cases: [...DEVICE_IDS, ...TAG_ID] },
  "create tag": { run: (raw) => createTag(db, actor, raw), base: () => ({ orgId: actor.org.id, name: "Rooftop", color: "teal" }), cases: [...TAG_NAME, ...TAG_COLOR] },
  "edit tag": { run: (raw) => editTag(db, actor, raw), base: () => ({ orgId: actor.org.id, tagId: ids.tag, name: "Roof", color: "blue" }), cases: [...TAG_ID, ...TAG_NAME, ...TAG_COLOR, ["no colour", { color: undefined }]] },
  "delete tag": { run: (raw) => deleteTag(db, actor, raw), base: () => ({ orgId: actor.org.id, tagId: ids.tag }), cases: [...TAG_ID, ["a confirm key", { confirm: "DELETE" }]] },
  "transfer user": {
    run: (raw) => transferUser(db, actor, raw),
    base: () => ({ orgId: actor.org.id, userId: ids.w, destination: { orgId: ids.hill }, role: "user" }),
    cases: [
      ["both destination kinds at once", { destination: { orgId: UUID, adminEmail: "admin@acme.test" } }],
      ["a destination string", { destination: UUID }],
      ["a destination with an unknown key", { destination: { orgId: UUID, tenantId: UUID } }],
      ["a 10 kB admin email", { destination: { adminEmail: `${TEN_KB}@acme.test` } }],
      ["moveDevices as a string", { moveDevices: "yes" }],
      ["a numeric role", { role: 1 }],
    ],
  },
  "org settings": {
    run: (raw) => editOrgSettings(db, actor, raw),
    base: () => ({ orgId: actor.org.id, name: "Acme Heating", description: "", timezone: "Europe/Berlin" }),
    cases: [
      ["an unknown time zone", { timezone: "Europe/Atlantis" }],
      ["a 10 kB time zone", { timezone: TEN_KB }],
      ["a time zone that is a number", { timezone: 9 }],
      ["a 501-character description", { description: "d".repeat(501) }],
      ["a 10 kB name", { name: TEN_KB }],
      ["a name with CR LF", { name: "Acme\r\nBcc: victim@evil.example" }],
      ["a 2-character name", { name: "Ac" }],
      ["a canCreateSubOrgs key", { canCreateSubOrgs: true }],
      ["a parentId key", { parentId: UUID }],
    ],
  },
  "device transfer": {
    run: (raw) => transferDevice(db, actor, raw),
    base: () => ({ orgId: actor.org.id, deviceId: ids.thermostat, newOwnerId: ids.w }),
    cases: [["an ownerId key", { ownerId: UUID }], ["a deviceId that is not a uuid", { deviceId: "1;DROP TABLE devices" }], ["no newOwnerId", { newOwnerId: undefined }], ["a tenantId key", { tenantId: UUID }]],
  },
  "device edit": {
    run: (raw) => editDevice(db, actor, raw),
    base: () => ({ orgId: actor.org.id, deviceId: ids.thermostat, name: "Hall thermostat", model: "Acme T-300" }),
    cases: [
      ["a blank name", { name: "   " }],
      ["81 characters of name", { name: "n".repeat(81) }],
      ["a name with CR LF", { name: "T\r\nBcc: victim@evil.example" }],
      ["a 10 kB model", { model: TEN_KB }],
      ["a model with a NUL", { model: "T\u0000" }],
      ["no model", { model: undefined }],
      ["a numeric name", { name: 42 }],
      ["a deviceId that is not a uuid", { deviceId: "thermostat" }],
      ["an ownerId key", { ownerId: UUID }],
      ["an orgId key of the device", { deviceOrgId: UUID }],
    ],
  },
  "device bulk delete": {
    run: (raw) => deleteDevices(db, actor, raw),
    base: () => ({ orgId: actor.org.id, deviceIds: [ids.thermostat], confirm: "DELETE" }),
    cases: [
      ["1001 ids", { deviceIds: thousandAndOne() }],
      ["no ids", { deviceIds: [] }],
      ["an id that is not a uuid", { deviceIds: ["1 OR 1=1"] }],
      ["ids as a string", { deviceIds: UUID }],
      ["'all matching' instead of ids", { deviceIds: undefined, matching: {} }],
      ["no confirmation", { confirm: undefined }],
      ["a confirmation in lower case", { confirm: "delete" }],
    ],
  },
};

Object.assign(COMMANDS, {
  "create device": {
    run: (raw) => createDevice(db, actor, raw),
    base: () => ({ orgId: actor.org.id, name: "Probe", model: "P-1" }),
    cases: [["an 81-character name", { name: "n".repeat(81) }], ["a blank name", { name: "  " }], ["an owner that is not a uuid", { ownerId: "me" }], ["a tenantId key", { tenantId: UUID }]],
  },
  "delete device": {
    run: (raw) => deleteDevice(db, actor, raw),
    base: () => ({ orgId: actor.org.id, deviceId: ids.thermostat, confirm: "DELETE" }),
    cases: [["no confirmation", { confirm: undefined }], ["a lower-case confirmation", { confirm: "delete" }], ["a deviceId that is not a uuid", { deviceId: "1 OR 1=1" }]],
  },
  "create org": {
    run: (raw) => createOrg(db, actor, raw),
    base: () => ({ orgId: actor.org.id, parentId: actor.org.id, name: "Probe Works", type: "client", admins: [{ name: "Probe", email: "probe-admin@acme.test" }] }),
    cases: [...ORG_NAME, ["the root type", { type: "root" }], ["no Admin to invite", { admins: [] }], ["11 Admins", { admins: Array.from({ length: 11 }, (_, i) => ({ name: "A", email: `a${i}@acme.test` })) }], ["a parent that is not a uuid", { parentId: "root" }]],
  },
  "edit org": {
    run: (raw) => editOrg(db, actor, raw),
    base: () => ({ orgId: actor.org.id, targetOrgId: ids.hill, name: "Hill Cottage", description: "", canCreateSubOrgs: false }),
    cases: [...ORG_NAME, ["the flag as a string", { canCreateSubOrgs: "yes" }], ["a type key", { type: "root" }]],
  },
  "delete org": {
    run: (raw) => deleteOrg(db, actor, raw),
    base: () => ({ orgId: actor.org.id, targetOrgId: ids.hill, confirm: "DELETE" }),
    cases: [["no confirmation", { confirm: undefined }], ["a target that is not a uuid", { targetOrgId: "*" }]],
    refusedValid: true,
  },
  "update grants": {
    run: (raw) => updateGrants(db, actor, raw),
    base: () => ({ orgId: actor.org.id, roles: [{ role: "staff", grants: ["users.view"] }] }),
    cases: [
      ["an unknown permission", { roles: [{ role: "staff", grants: ["users.view", "root.everything"] }] }],
      ["no roles", { roles: [] }],
      ["ten roles", { roles: Array.from({ length: 10 }, () => ({ role: "staff", grants: [] })) }],
      ["a push without APPLY", { propagate: "overwrite" }],
      ["a role key with a quote", { roles: [{ role: "staff'--", grants: [] }] }],
    ],
  },
  "create role": { run: (raw) => createRole(db, actor, raw), base: () => ({ orgId: actor.org.id, name: "Installer" }), cases: [["a one-letter name", { name: "I" }], ["a 10 kB name", { name: TEN_KB }], ["a name with a NUL", { name: "In\u0000" }]], refusedValid: true },
  "rename role": { run: (raw) => renameRole(db, actor, raw), base: () => ({ orgId: actor.org.id, role: "staff", name: "Crew" }), cases: [...ROLE_KEY, ["a 41-character name", { name: "n".repeat(41) }]], refusedValid: true },
  "delete role": { run: (raw) => deleteRole(db, actor, raw), base: () => ({ orgId: actor.org.id, role: "staff", replacement: "user" }), cases: [...ROLE_KEY, ["no replacement", { replacement: undefined }]], refusedValid: true },
  "self sign-up": {
    run: (raw) => updateSelfSignup(db, actor, raw),
    base: () => ({ orgId: actor.org.id, enabled: true, role: "user", domains: [], handle: "acme-heating" }),
    cases: [["21 domains", { domains: Array.from({ length: 21 }, (_, i) => `d${i}.example`) }], ["a domain that is not one", { domains: ["not a domain"] }], ["a handle with a slash", { handle: "acme/heating" }], ["an admin role key with a quote", { role: "admin'" }]],
    refusedValid: true,
  },
} satisfies Record<string, Command>);
const LOCATION: Case[] = [
  ["a 10 kB name", { name: TEN_KB }],
  ["81 characters of name", { name: "n".repeat(81) }],
  ["a blank name", { name: "   " }],
  ["a name with CR LF", { name: "Depot\r\nBcc: x@evil.example" }],
  ["a 301-character address", { address: "a".repeat(301) }],
  ["a latitude past 90", { latitude: 90.5, longitude: 0 }],
  ["a longitude past -180", { latitude: 0, longitude: -180.5 }],
  ["a latitude without a longitude", { latitude: 52.5, longitude: undefined }],
  ["a latitude as text", { latitude: "52.5", longitude: "13.4" }],
  ["a tenantId key", { tenantId: UUID }],
];

COMMANDS["create location"] = { run: (raw) => createLocation(db, actor, raw), base: () => ({ orgId: actor.org.id, name: "Valid", address: "Ring 1", latitude: 1, longitude: 2 }), cases: LOCATION };
COMMANDS["edit location"] = {
  run: (raw) => editLocation(db, actor, raw),
  base: () => ({ orgId: actor.org.id, locationId: ids.location, name: "Valid" }),
  cases: [...LOCATION, ["a locationId that is not a uuid", { locationId: "1 OR 1=1" }]],
};
COMMANDS["delete location"] = {
  run: (raw) => deleteLocation(db, actor, raw),
  base: () => ({ orgId: actor.org.id, locationId: ids.location }),
  cases: [["a confirmation in lower case", { confirm: "delete" }], ["a confirmation of the wrong type", { confirm: true }], ["no locationId", { locationId: undefined }]],
};
COMMANDS["set users' location"] = {
  run: (raw) => setUsersLocation(db, actor, raw),
  base: () => ({ orgId: actor.org.id, userIds: [ids.user], locationId: ids.location }),
  cases: [...BULK, ["no locationId key", { locationId: undefined }], ["a locationId that is not a uuid", { locationId: "HQ" }], ["several locations", { locationId: [UUID] }]],
};
COMMANDS["set devices' location"] = {
  run: (raw) => setDevicesLocation(db, actor, raw),
  base: () => ({ orgId: actor.org.id, deviceIds: [ids.thermostat], locationId: ids.location }),
  cases: [
    ["1001 ids", { deviceIds: thousandAndOne() }],
    ["no ids", { deviceIds: [] }],
    ["an id that is not a uuid", { deviceIds: ["1 OR 1=1"] }],
    ["'all matching'", { matching: {} }],
    ["no locationId key", { locationId: undefined }],
  ],
};

function apply(base: Record<string, unknown>, patch: Patch): unknown {
  if (patch === "replace-with-null") return null;
  if (patch === "replace-with-string") return JSON.stringify(base);
  return { ...base, ...patch };
}

describe.each(Object.entries(COMMANDS))("%s", (_name, command) => {
  it.each([...COMMON, ...command.cases])("refuses %s with INVALID and no change", async (_label, patch) => {
    const error = await refusedWithoutChange(db, () => command.run(apply(command.base(), patch)));
    expect(error.code).toBe("INVALID");
    expect(error.message.length).toBeLessThan(300);
  });
});

describe("controls: each command accepts its base input", () => {
  beforeEach(setUp);
  it.each(Object.entries(COMMANDS))("%s", async (_name, command) => {
    if (!command.refusedValid) return void (await command.run(command.base()));
    const error = await command.run(command.base()).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).not.toBe("INVALID");
  });
});
