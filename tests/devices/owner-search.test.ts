import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { OWNER_RESULTS } from "@/lib/devices/owners";
import { actorFor, orgIdByName } from "../helpers/actors";
import { freshDemoDb } from "../helpers/db";
import { invite, mullerAdmin, randomId } from "../helpers/fixtures";
import { addUsers } from "../helpers/race-fixtures";
import { searchOwners } from "../helpers/commands";

let db: Db;
beforeEach(async () => {
  db = await freshDemoDb();
});

const emails = (found: { owners: Array<{ email: string }> }) => found.owners.map((o) => o.email);

describe("searchOwners: the people of one org who could own a device", () => {
  it("lists an org's people by name, found by name or email, with whether they ever logged in", async () => {
    const admin = await actorFor(db, "admin@acme.test");
    const muller = await orgIdByName(db, "Muller Boiler Group");
    expect(await searchOwners(db, admin, { orgId: admin.org.id, inOrgId: muller })).toEqual({
      owners: [
        expect.objectContaining({ name: "Rita Muller", email: "r@muller.test", hasLoggedIn: true }),
        expect.objectContaining({ name: "Walter Muller", email: "w@muller.test", hasLoggedIn: true }),
      ],
      more: false,
    });
    expect(emails(await searchOwners(db, admin, { orgId: admin.org.id, inOrgId: muller, q: " WALT " }))).toEqual(["w@muller.test"]);
    expect(emails(await searchOwners(db, admin, { orgId: admin.org.id, inOrgId: muller, q: "r@muller" }))).toEqual(["r@muller.test"]);
    // A LIKE wildcard is a literal character.
    expect(await searchOwners(db, admin, { orgId: admin.org.id, inOrgId: muller, q: "%" })).toEqual({ owners: [], more: false });
  });

  it("leaves out invitations not yet accepted, and stops at the first matches of a large org", async () => {
    const admin = await actorFor(db, "admin@acme.test");
    const muller = await orgIdByName(db, "Muller Boiler Group");
    await invite(db, "admin@acme.test", { email: "pending@muller.test", orgName: "Muller Boiler Group" });
    expect(emails(await searchOwners(db, admin, { orgId: admin.org.id, inOrgId: muller }))).not.toContain("pending@muller.test");

    // Exactly a full page: all of them, and nothing more to find.
    await addUsers(db, muller, Array.from({ length: OWNER_RESULTS }, (_, i) => `full${String(i).padStart(2, "0")}@muller.test`), "user");
    const full = await searchOwners(db, admin, { orgId: admin.org.id, inOrgId: muller, q: "full" });
    expect([full.owners.length, full.more]).toEqual([OWNER_RESULTS, false]);

    await addUsers(db, muller, Array.from({ length: OWNER_RESULTS + 5 }, (_, i) => `many${String(i).padStart(2, "0")}@muller.test`), "user");
    const first = await searchOwners(db, admin, { orgId: admin.org.id, inOrgId: muller, q: "many" });
    expect([first.owners.length, first.more]).toEqual([OWNER_RESULTS, true]);
    // The one that did not fit is found by narrowing the search.
    expect(emails(await searchOwners(db, admin, { orgId: admin.org.id, inOrgId: muller, q: `many${OWNER_RESULTS + 4}@` }))).toEqual([`many${OWNER_RESULTS + 4}@muller.test`]);
  });

  it("answers NOT_FOUND for an org outside the viewer's reach or another tenant's, whatever it holds", async () => {
    const boss = await mullerAdmin(db);
    for (const other of ["Acme Heating", "United Heaters Inc.", "Globex"]) {
      await expect(searchOwners(db, boss, { orgId: boss.org.id, inOrgId: await orgIdByName(db, other) })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    await expect(searchOwners(db, boss, { orgId: boss.org.id, inOrgId: randomId() })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const globex = await actorFor(db, "admin@globex.test");
    await expect(searchOwners(db, globex, { orgId: globex.org.id, inOrgId: await orgIdByName(db, "Muller Boiler Group") })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses viewers who may neither add nor transfer devices, before looking anything up", async () => {
    const user = await actorFor(db, "user@acme.test");
    await expect(searchOwners(db, user, { orgId: user.org.id, inOrgId: user.org.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(searchOwners(db, user, { orgId: user.org.id, inOrgId: randomId() })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses bad input with a clear error", async () => {
    const admin = await actorFor(db, "admin@acme.test");
    await expect(searchOwners(db, admin, { orgId: admin.org.id, inOrgId: "nope" })).rejects.toMatchObject({ code: "INVALID" });
    await expect(searchOwners(db, admin, { orgId: admin.org.id, inOrgId: admin.org.id, q: "x".repeat(101) })).rejects.toMatchObject({ code: "INVALID" });
    await expect(searchOwners(db, admin, { orgId: admin.org.id, inOrgId: admin.org.id, extra: 1 })).rejects.toMatchObject({ code: "INVALID" });
  });
});
