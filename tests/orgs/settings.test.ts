// Settings → Organization (org.settings): the shown org's name, description and time zone, the
// root included; nothing else changes — not its parent, its siblings or its sub-orgs.
import { and, desc, eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, organizations, roleGrants, roles, tenants, users } from "@/db/schema";
import { actorIn, type Actor } from "@/lib/commands/actor";
import { DomainError } from "@/lib/errors";
import { actorFor, orgIdByName, viewerFor } from "../helpers/actors";
import { createOrg, editOrgSettings } from "../helpers/commands";
import { freshDemoDb } from "../helpers/db";
import { inviteAndAccept, mullerAdmin } from "../helpers/fixtures";
import { describeError, describePostgres, fulfilled, race, rejected } from "../helpers/race";
import { refusedWithoutChange } from "../helpers/snapshot";

let db: Db;
let admin: Actor;
beforeEach(async () => {
  db = await freshDemoDb();
  admin = await actorFor(db, "admin@acme.test");
});

const settingsOf = async (orgId: string) =>
  (await db.select({ name: organizations.name, description: organizations.description, timezone: organizations.timezone }).from(organizations).where(eq(organizations.id, orgId)))[0]!;
const tenantName = async (tenantId: string) => (await db.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, tenantId)))[0]!.name;
const lastAudit = async (orgId: string) => (await db.select().from(auditLog).where(eq(auditLog.orgId, orgId)).orderBy(desc(auditLog.id)).limit(1))[0];

describe("edit the organization's settings", () => {
  it("lets the root's own Admin edit the root: its tenant and its members' org name follow, audited before and after", async () => {
    const root = admin.org.id;
    const { description } = await settingsOf(root);
    await editOrgSettings(db, admin, { orgId: root, name: "Acme Heating GmbH", description: "Boilers since 1990", timezone: "Asia/Tokyo" });
    expect(await settingsOf(root)).toEqual({ name: "Acme Heating GmbH", description: "Boilers since 1990", timezone: "Asia/Tokyo" });
    expect(await tenantName(root)).toBe("Acme Heating GmbH");
    const [alice] = await db.select({ orgName: users.orgName }).from(users).where(eq(users.email, "admin@acme.test"));
    expect(alice!.orgName).toBe("Acme Heating GmbH");
    expect(await lastAudit(root)).toMatchObject({
      action: "org_settings_changed",
      actorEmail: "admin@acme.test",
      targetType: "org",
      targetId: root,
      targetLabel: "Acme Heating GmbH",
      before: { name: "Acme Heating", description, timezone: "UTC" },
      after: { name: "Acme Heating GmbH", description: "Boilers since 1990", timezone: "Asia/Tokyo" },
    });
  });

  it("follows the policy for Staff: allowed with org.settings, refused without it, changing nothing", async () => {
    const root = admin.org.id;
    await editOrgSettings(db, await actorFor(db, "staff@acme.test"), { orgId: root, name: "Acme Heating", description: "", timezone: "Europe/Berlin" });
    expect((await settingsOf(root)).timezone).toBe("Europe/Berlin");

    const [staff] = await db.select({ id: roles.id }).from(roles).where(and(eq(roles.tenantId, root), eq(roles.key, "staff")));
    await db.delete(roleGrants).where(and(eq(roleGrants.orgId, root), eq(roleGrants.roleId, staff!.id), eq(roleGrants.permission, "org.settings")));
    const refused = await refusedWithoutChange(db, async () => editOrgSettings(db, await actorFor(db, "staff@acme.test"), { orgId: root, name: "Staff Was Here", description: "", timezone: "UTC" }));
    expect(refused.code).toBe("FORBIDDEN");
    const user = await refusedWithoutChange(db, async () => editOrgSettings(db, await actorFor(db, "user@acme.test"), { orgId: root, name: "User Was Here", description: "", timezone: "UTC" }));
    expect(user).toMatchObject({ code: "FORBIDDEN", message: 'You need the "Edit organization settings" permission' });
  });

  it("edits a sub-org and only it: its parent, siblings and sub-orgs keep theirs", async () => {
    const [muller, united, marsh] = [await orgIdByName(db, "Muller Boiler Group"), await orgIdByName(db, "United Heaters Inc."), await orgIdByName(db, "Marsh Residence")];
    const before = await Promise.all([admin.org.id, muller, marsh].map(settingsOf));
    const inUnited = await actorFor(db, "admin@acme.test", united);
    await editOrgSettings(db, inUnited, { orgId: united, name: "United Heaters", description: "Distribution", timezone: "America/New_York" });
    expect(await settingsOf(united)).toEqual({ name: "United Heaters", description: "Distribution", timezone: "America/New_York" });
    expect(await Promise.all([admin.org.id, muller, marsh].map(settingsOf))).toEqual(before);
    expect(await tenantName(admin.org.id)).toBe("Acme Heating");

    // A sub-org's own Admin edits their own org (orgs.edit refuses it there), never the root.
    const boss = await mullerAdmin(db);
    await editOrgSettings(db, boss, { orgId: muller, name: "Muller Boilers", description: "", timezone: "Europe/Vienna" });
    expect((await settingsOf(muller)).name).toBe("Muller Boilers");
    expect(await settingsOf(admin.org.id)).toEqual(before[0]);
  });

  it("answers another tenant's org, and the parent of a sub-org Admin, as not found, writing nothing", async () => {
    const globex = await orgIdByName(db, "Globex");
    const input = { orgId: globex, name: "Taken Over", description: "", timezone: "UTC" };
    expect((await refusedWithoutChange(db, () => editOrgSettings(db, admin, input))).code).toBe("NOT_FOUND");
    // The server action's own path: the actor is resolved in the org the input names.
    await expect(actorIn(db, await viewerFor(db, "admin@acme.test"), globex)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const boss = await mullerAdmin(db);
    expect((await refusedWithoutChange(db, () => editOrgSettings(db, boss, { ...input, orgId: admin.org.id }))).code).toBe("NOT_FOUND");
  });

  it.each([
    ["an unknown time zone", { timezone: "Mars/Olympus_Mons" }],
    ["an offset instead of a zone", { timezone: "+09:00" }],
    ["no time zone", { timezone: "" }],
    ["a 501-character description", { description: "d".repeat(501) }],
    ["a 2-character name", { name: "Ac" }],
    ["an 81-character name", { name: "n".repeat(81) }],
    ["a name with a line break", { name: "Acme\r\nHeating" }],
    ["a parentId key", { parentId: crypto.randomUUID() }],
  ])("refuses %s as INVALID, changing nothing", async (_label, patch) => {
    const error = await refusedWithoutChange(db, () => editOrgSettings(db, admin, { orgId: admin.org.id, name: "Acme Heating", description: "", timezone: "UTC", ...patch }));
    expect(error.code).toBe("INVALID");
  });

  it("accepts a zone's alias and trims the name; a sibling's name in another case is a CONFLICT", async () => {
    const united = await orgIdByName(db, "United Heaters Inc.");
    const inUnited = await actorFor(db, "admin@acme.test", united);
    await editOrgSettings(db, inUnited, { orgId: united, name: "  United Heaters Inc.  ", description: "", timezone: "Asia/Kolkata" });
    expect(await settingsOf(united)).toEqual({ name: "United Heaters Inc.", description: "", timezone: "Asia/Kolkata" });
    const taken = await refusedWithoutChange(db, () => editOrgSettings(db, inUnited, { orgId: united, name: "MULLER boiler group", description: "", timezone: "UTC" }));
    expect(taken).toMatchObject({ code: "CONFLICT", field: "name" });
  });

  it("writes nothing, not even an audit row, when nothing changed", async () => {
    const current = await settingsOf(admin.org.id);
    const count = async () => (await db.select().from(auditLog)).length;
    const before = await count();
    await editOrgSettings(db, admin, { orgId: admin.org.id, ...current });
    expect(await count()).toBe(before);
  });
});

describe("a new sub-org's time zone", () => {
  it("is its parent's when created, and stays its own when the parent's changes", async () => {
    const root = admin.org.id;
    await editOrgSettings(db, admin, { orgId: root, name: "Acme Heating", description: "", timezone: "Asia/Tokyo" });
    const united = await orgIdByName(db, "United Heaters Inc.");
    const { orgId } = await createOrg(db, await actorFor(db, "admin@acme.test"), { orgId: root, parentId: united, name: "Sakura Site", type: "client", admins: [{ name: "Site Admin", email: "site@sakura.test" }] });
    // United was created before the change: it kept UTC, and so does its new sub-org.
    expect((await settingsOf(orgId)).timezone).toBe("UTC");
    const { orgId: direct } = await createOrg(db, await actorFor(db, "admin@acme.test"), { orgId: root, parentId: root, name: "Tokyo Branch", type: "client", admins: [{ name: "Branch Admin", email: "branch@tokyo.test" }] });
    expect((await settingsOf(direct)).timezone).toBe("Asia/Tokyo");
    await editOrgSettings(db, admin, { orgId: root, name: "Acme Heating", description: "", timezone: "Europe/Berlin" });
    expect((await settingsOf(direct)).timezone).toBe("Asia/Tokyo");
  });
});

describePostgres("org settings under concurrency", () => {
  it("two Admins renaming two sibling orgs to the same name at once: one wins, the other is a CONFLICT", { timeout: 60_000 }, async () => {
    await inviteAndAccept(db, "admin@acme.test", { email: "boss@marsh.test", name: "Marsh Boss", role: "admin", orgName: "Marsh Residence" });
    await inviteAndAccept(db, "admin@acme.test", { email: "boss@hill.test", name: "Hill Boss", role: "admin", orgName: "Hill Cottage" });
    const [marsh, hill] = [await actorFor(db, "boss@marsh.test"), await actorFor(db, "boss@hill.test")];
    const problems: string[] = [];
    for (let round = 0; round < 10; round++) {
      const name = `Twin Site ${round}`;
      const outcome = await race(db, [marsh, hill].map((actor, i) => (g: Db) => editOrgSettings(g, actor, { orgId: actor.org.id, name: i ? name.toUpperCase() : name, description: "", timezone: "UTC" })));
      const losers = rejected(outcome.results);
      if (!outcome.full) problems.push(`round ${round}: the transactions did not overlap`);
      if (fulfilled(outcome.results).length !== 1) problems.push(`round ${round}: ${fulfilled(outcome.results).length} won`);
      for (const e of losers) if (!(e instanceof DomainError && e.code === "CONFLICT")) problems.push(`round ${round}: loser got ${describeError(e)}`);
      const named = await db.select({ id: organizations.id }).from(organizations).where(sql`lower(${organizations.name}) = lower(${name})`);
      if (named.length !== 1) problems.push(`round ${round}: ${named.length} orgs named ${name}`);
      // Back to distinct names for the next round.
      await editOrgSettings(db, marsh, { orgId: marsh.org.id, name: "Marsh Residence", description: "", timezone: "UTC" });
      await editOrgSettings(db, hill, { orgId: hill.org.id, name: "Hill Cottage", description: "", timezone: "UTC" });
    }
    expect(problems).toEqual([]);
  });
});
