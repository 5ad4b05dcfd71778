import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { devices } from "@/db/schema";
import type { Actor } from "@/lib/commands/actor";

import { actorFor, orgIdByName } from "../helpers/actors";
import { freshDemoDb } from "../helpers/db";
import { userByEmail } from "../helpers/demo";
import { auditOf, emailsTo, idOf, MULLER_ADMIN, mullerAdmin } from "../helpers/fixtures";
import { refusedWithoutChange } from "../helpers/snapshot";
import { changeRoles, setDeveloperMode, transferUser } from "../helpers/commands";

let db: Db;
beforeEach(async () => {
  db = await freshDemoDb();
});

type Destination = { orgId: string } | { adminEmail: string };
const transfer = async (actor: Actor, targetEmail: string, destination: Destination, role = "user", extra: Record<string, unknown> = {}) =>
  transferUser(db, actor, { orgId: actor.org.id, userId: await idOf(db, targetEmail), destination, role, ...extra });
const to = async (orgName: string) => ({ orgId: await orgIdByName(db, orgName) });
const devicesOf = async (email: string) => db.select().from(devices).where(eq(devices.ownerId, await idOf(db, email)));

describe("transfer user", () => {
  it("moves the user and, by default, their devices; emails them and the destination's Admins; one audit row", async () => {
    await mullerAdmin(db);
    const admin = await actorFor(db, "admin@acme.test");
    await transfer(admin, "user@acme.test", { adminEmail: " Boss@Muller.test" }, "staff");
    const user = await userByEmail(db, "user@acme.test");
    expect(user).toMatchObject({ orgId: await orgIdByName(db, "Muller Boiler Group"), role: "staff" });
    expect((await emailsTo(db, "user@acme.test")).map((e) => e.kind)).toEqual(["user_transferred"]);
    expect((await emailsTo(db, MULLER_ADMIN)).map((e) => e.kind)).toEqual(["invitation", "user_arrived"]);
    const audit = await auditOf(db, user.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "user_transferred", before: { org: "Acme Heating", role: "user" }, after: { org: "Muller Boiler Group", role: "staff", movedDevices: true } });

    await transfer(admin, "r@muller.test", await to("Marsh Residence"));
    const [thermostat] = await devicesOf("r@muller.test");
    expect(thermostat).toMatchObject({ name: "Thermostat", orgId: await orgIdByName(db, "Marsh Residence") });
  });

  it("leaves the devices where they are when asked", async () => {
    const admin = await actorFor(db, "admin@acme.test");
    await transfer(admin, "w@muller.test", await to("Hill Cottage"), "user", { moveDevices: false });
    const [boiler] = await devicesOf("w@muller.test");
    expect(boiler).toMatchObject({ name: "Boiler", orgId: await orgIdByName(db, "Muller Boiler Group") });
  });

  it("switches developer mode off when a developer arrives as non-Admin", async () => {
    const admin = await actorFor(db, "admin@acme.test");
    await changeRoles(db, admin, { orgId: admin.org.id, userIds: [await idOf(db, "staff@acme.test")], role: "admin" });
    await setDeveloperMode(db, await actorFor(db, "staff@acme.test"), { enabled: true });
    await transfer(admin, "staff@acme.test", await to("Hill Cottage"), "staff");
    expect((await userByEmail(db, "staff@acme.test")).developerMode).toBe(false);
  });

  it.each([
    ["Staff (no users.transfer)", "staff@acme.test", "user@acme.test", "Hill Cottage", "FORBIDDEN"],
    ["a User", "user@acme.test", "staff@acme.test", "Acme Heating", "FORBIDDEN"],
    // Refused before the destination is looked at, so it reads the same as the line above.
    ["a User, to an org they cannot even see", "user@acme.test", "staff@acme.test", "Hill Cottage", "FORBIDDEN"],
    ["an Admin on themselves", "admin@acme.test", "admin@acme.test", "Hill Cottage", "FORBIDDEN"],
  ])("refuses %s", async (_label, actorEmail, target, destination, code) => {
    const actor = await actorFor(db, actorEmail);
    const error = await refusedWithoutChange(db, async () => transfer(actor, target, await to(destination)));
    expect(error.code).toBe(code);
  });

  it("refuses a move into the org the user is already in (CONFLICT)", async () => {
    const admin = await actorFor(db, "admin@acme.test");
    const error = await refusedWithoutChange(db, async () => transfer(admin, "r@muller.test", await to("Muller Boiler Group")));
    expect(error).toMatchObject({ code: "CONFLICT", refusal: "ALREADY_IN_ORG", message: "This user is already in Muller Boiler Group" });
  });

  it("keeps the last Admin of the org they leave", async () => {
    await mullerAdmin(db);
    const admin = await actorFor(db, "admin@acme.test");
    const error = await refusedWithoutChange(db, async () => transfer(admin, MULLER_ADMIN, await to("Hill Cottage"), "admin"));
    expect(error).toMatchObject({ code: "CONFLICT", refusal: "LAST_ADMIN", message: "Muller Boiler Group would be left without an Admin" });
  });

  it("refuses a role the tenant does not have, and unexpected fields (INVALID)", async () => {
    const admin = await actorFor(db, "admin@acme.test");
    const role = await refusedWithoutChange(db, async () => transfer(admin, "user@acme.test", await to("Hill Cottage"), "superuser"));
    expect(role.code).toBe("INVALID");
    const extra = await refusedWithoutChange(db, async () => transfer(admin, "user@acme.test", { ...(await to("Hill Cottage")), tenantId: admin.viewer.tenant.id } as Destination));
    expect(extra.code).toBe("INVALID");
  });

  it("answers the same for an unknown Admin email, another tenant's Admin and an Admin out of reach", async () => {
    const boss = await mullerAdmin(db);
    const answers = [];
    for (const adminEmail of ["nobody@acme.test", "admin@globex.test", "admin@acme.test", "staff@acme.test"]) {
      const error = await refusedWithoutChange(db, () => transfer(boss, "r@muller.test", { adminEmail }));
      answers.push({ code: error.code, message: error.message });
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0]!.code).toBe("NOT_FOUND");
  });
});
