import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { locations, organizations, userLocations } from "@/db/schema";
import { actorFor, orgIdByName } from "../helpers/actors";
import { freshDemoDb } from "../helpers/db";
import { userByEmail } from "../helpers/demo";
import { auditOf, MULLER_ADMIN, mullerAdmin } from "../helpers/fixtures";
import { refusedWithoutChange } from "../helpers/snapshot";
import { editUser, setDeveloperMode } from "../helpers/commands";

let db: Db;
beforeEach(async () => {
  db = await freshDemoDb();
});

const editAs = async (actorEmail: string, targetEmail: string, changes: Record<string, unknown>) => {
  const actor = await actorFor(db, actorEmail);
  const target = await userByEmail(db, targetEmail);
  return editUser(db, actor, { orgId: actor.org.id, userId: target.id, name: target.name, role: target.role, locationIds: [], ...changes });
};

/** A location of an org, created directly: the commands under test only assign them. */
async function location(orgName: string, name: string): Promise<string> {
  const [org] = await db.select().from(organizations).where(eq(organizations.id, await orgIdByName(db, orgName)));
  const [row] = await db.insert(locations).values({ tenantId: org!.tenantId, orgId: org!.id, name }).returning({ id: locations.id });
  return row!.id;
}

describe("edit user", () => {
  it("changes name, phone, role and locations; never the email; one audit row", async () => {
    const boilerRoom = await location("Acme Heating", "Boiler room");
    const attic = await location("Acme Heating", "Attic");
    const before = await userByEmail(db, "user@acme.test");
    await editAs("admin@acme.test", "user@acme.test", { name: "Uma U. Ulrich", phone: " +44 20 7946 0000 ", role: "staff", locationIds: [boilerRoom, attic] });
    const after = await userByEmail(db, "user@acme.test");
    expect(after).toMatchObject({ email: "user@acme.test", name: "Uma U. Ulrich", phone: "+44 20 7946 0000", role: "staff", locationName: "Attic" });
    expect(await db.select().from(userLocations).where(eq(userLocations.userId, before.id))).toHaveLength(2);
    const audit = await auditOf(db, before.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "user_updated", before: { name: "Uma Ulrich", role: "user" }, after: { name: "Uma U. Ulrich", role: "staff", locations: 2 } });
  });

  it("lets Staff edit a User", async () => {
    await editAs("staff@acme.test", "user@acme.test", { name: "Uma Renamed" });
    expect((await userByEmail(db, "user@acme.test")).name).toBe("Uma Renamed");
  });

  it.each([
    ["Staff making a User an Admin", "staff@acme.test", "user@acme.test", { role: "admin" }, "FORBIDDEN", "Only an Admin can make someone an Admin"],
    ["Staff demoting an Admin", "staff@acme.test", "admin@acme.test", { role: "user" }, "FORBIDDEN", "Only an Admin can change the role of an Admin"],
    ["a User editing anyone", "user@acme.test", "staff@acme.test", { name: "X" }, "FORBIDDEN", undefined],
    // Nobody edits a person whose role is above theirs, not even the name or phone.
    ["Staff renaming an Admin", "staff@acme.test", "admin@acme.test", { name: "Alice Renamed" }, "FORBIDDEN", "Only an Admin can edit an Admin"],
    ["Staff changing an Admin's phone", "staff@acme.test", "admin@acme.test", { phone: "+44 20 7946 0001" }, "FORBIDDEN", "Only an Admin can edit an Admin"],
    ["an Admin changing their own role", "admin@acme.test", "admin@acme.test", { role: "staff" }, "FORBIDDEN", undefined],
  ])("refuses %s", async (_label, actor, target, changes, code, message) => {
    const error = await refusedWithoutChange(db, () => editAs(actor, target, changes));
    expect(error.code).toBe(code);
    if (message) expect(error.message).toBe(message);
  });

  it("keeps the last Admin of an org (CONFLICT naming it)", async () => {
    await mullerAdmin(db);
    const error = await refusedWithoutChange(db, () => editAs("admin@acme.test", MULLER_ADMIN, { role: "user" }));
    expect(error).toMatchObject({ code: "CONFLICT", refusal: "LAST_ADMIN", message: "Muller Boiler Group would be left without an Admin" });
  });

  it("switches developer mode off when the role goes below Admin", async () => {
    await editAs("admin@acme.test", "staff@acme.test", { role: "admin" });
    await setDeveloperMode(db, await actorFor(db, "staff@acme.test"), { enabled: true });
    await editAs("admin@acme.test", "staff@acme.test", { name: "Sam S. Stone" });
    expect((await userByEmail(db, "staff@acme.test")).developerMode).toBe(true);
    await editAs("admin@acme.test", "staff@acme.test", { role: "user" });
    expect((await userByEmail(db, "staff@acme.test")).developerMode).toBe(false);
  });

  it.each([
    ["email (never editable)", { email: "evil@acme.test" }],
    ["tenantId", { tenantId: "00000000-0000-4000-8000-000000000001" }],
    ["orgId of the target (mass assignment)", { targetOrgId: "00000000-0000-4000-8000-000000000001" }],
    ["developerMode", { developerMode: true }],
    ["passwordHash", { passwordHash: "$argon2id$x" }],
  ])("refuses the unexpected key %s with INVALID and no change", async (_label, extra) => {
    const error = await refusedWithoutChange(db, () => editAs("admin@acme.test", "user@acme.test", { name: "Changed", ...extra }));
    expect(error.code).toBe("INVALID");
    expect(error.fieldErrors?._form ?? Object.values(error.fieldErrors ?? {})[0]).toBe("Unexpected field.");
  });

  it("refuses locations of another org or another tenant (INVALID), with no change", async () => {
    const elsewhere = await location("Muller Boiler Group", "Muller workshop");
    const foreign = await location("Globex", "Globex lab");
    for (const id of [elsewhere, foreign, crypto.randomUUID()]) {
      const error = await refusedWithoutChange(db, () => editAs("admin@acme.test", "user@acme.test", { name: "Changed", locationIds: [id] }));
      expect(error).toMatchObject({ code: "INVALID", field: "locationIds" });
    }
  });
});
