// The profile page's reads: a user in view, or "not found" alike for an unknown id, another
// tenant's user and an id that is not a uuid at all (a hand-edited URL is a 404, not a 500).
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/commands/actor";
import { userActionLog, userDetails, userDevices } from "@/lib/users/details";
import { actorFor } from "../helpers/actors";
import { forceLogout, transferUser } from "../helpers/commands";
import { freshDemoDb } from "../helpers/db";
import { idOf, MULLER_ADMIN, mullerAdmin, randomId } from "../helpers/fixtures";

let db: Db;
let admin: Actor;
beforeAll(async () => {
  db = await freshDemoDb();
  admin = await actorFor(db, "admin@acme.test");
});

describe("userDetails, userDevices and userActionLog", () => {
  it("read a user in view", async () => {
    const id = await idOf(db, "staff@acme.test");
    expect(await userDetails(db, admin, id)).toMatchObject({ id, name: "Sam Stone", email: "staff@acme.test" });
    expect(Array.isArray(await userActionLog(db, admin, id))).toBe(true);
    expect(await userDevices(db, admin, await idOf(db, "r@muller.test"))).toMatchObject([{ name: "Thermostat", model: "Acme T-200" }]);
  });

  it("answer a user outside a sub-org Admin's org (above it, beside it) like an unknown id, devices included", async () => {
    const muller = await mullerAdmin(db);
    for (const outside of ["admin@acme.test", "m@united.test"]) {
      await expect(userDevices(db, muller, await idOf(db, outside))).rejects.toMatchObject({ code: "NOT_FOUND", refusal: "NOT_FOUND", message: "Not found" });
    }
    expect(await userDevices(db, muller, await idOf(db, "w@muller.test"))).toMatchObject([{ name: "Boiler" }]);
  });

  it("keep a sub-org's view of a person's log to what happened in its subtree: no names from above it", async () => {
    const sam = await idOf(db, "staff@acme.test");
    const muller = await actorFor(db, MULLER_ADMIN);
    // Sam logs a root-org colleague out, then moves down into Muller: that act stays the root's.
    await forceLogout(db, await actorFor(db, "staff@acme.test"), { orgId: admin.org.id, userIds: [await idOf(db, "user@acme.test")] });
    await transferUser(db, admin, { orgId: admin.org.id, userId: sam, destination: { orgId: muller.org.id }, role: "user", moveDevices: true });
    await forceLogout(db, muller, { orgId: muller.org.id, userIds: [sam] });
    const seenFromMuller = await userActionLog(db, muller, sam);
    expect(seenFromMuller.map((e) => [e.action, e.actorEmail])).toEqual([["session_logout_forced", MULLER_ADMIN]]);
    expect((await userActionLog(db, admin, sam)).map((e) => e.action)).toContain("session_logout_forced");
  });

  it.each([
    ["an unknown id", () => randomId()],
    ["another tenant's user", () => idOf(db, "admin@globex.test")],
    ["an id that is not a uuid", () => "not-a-uuid"],
    ["36 hyphens", () => "-".repeat(36)],
  ])("answer %s with the same NOT_FOUND", async (_, id) => {
    const target = await id();
    await expect(userDetails(db, admin, target)).rejects.toMatchObject({ code: "NOT_FOUND", refusal: "NOT_FOUND", message: "Not found" });
    await expect(userActionLog(db, admin, target)).rejects.toMatchObject({ code: "NOT_FOUND", refusal: "NOT_FOUND", message: "Not found" });
    await expect(userDevices(db, admin, target)).rejects.toMatchObject({ code: "NOT_FOUND", refusal: "NOT_FOUND", message: "Not found" });
  });
});
