import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { actorFor, viewerFor } from "../helpers/actors";
import { freshDemoDb } from "../helpers/db";
import { userByEmail } from "../helpers/demo";
import { auditOf, idOf, inviteAndAccept } from "../helpers/fixtures";
import { refusedWithoutChange, withoutChange } from "../helpers/snapshot";
import { changeRoles, setDeveloperMode } from "../helpers/commands";

let db: Db;
beforeEach(async () => {
  db = await freshDemoDb();
});

const toggle = async (email: string, enabled: unknown) => setDeveloperMode(db, await actorFor(db, email), { enabled });

describe("developer mode", () => {
  it("is for Admins only: Staff and Users get FORBIDDEN and nothing changes", async () => {
    for (const email of ["staff@acme.test", "user@acme.test"]) {
      const error = await refusedWithoutChange(db, () => toggle(email, true));
      expect(error).toMatchObject({ code: "FORBIDDEN", refusal: "DEVELOPER_ADMIN_ONLY", message: "Only Admins can use developer mode" });
    }
  });

  it("on pro, any number of Admins may hold it; switching on makes the user a developer; one audit row", async () => {
    const admin = await actorFor(db, "admin@acme.test");
    await changeRoles(db, admin, { orgId: admin.org.id, userIds: [await idOf(db, "staff@acme.test")], role: "admin" });
    await toggle("staff@acme.test", true);
    expect(await viewerFor(db, "staff@acme.test")).toMatchObject({ developerMode: true, type: "developer" });
    expect((await userByEmail(db, "admin@acme.test")).developerMode).toBe(true);
    expect(await auditOf(db, await idOf(db, "staff@acme.test"), "developer_mode_on")).toMatchObject([{ before: { developerMode: false }, after: { developerMode: true } }]);
  });

  it("on free, a second Admin is refused with CONFLICT naming the holder, until the holder hands it over", async () => {
    await inviteAndAccept(db, "admin@globex.test", { email: "second@globex.test", name: "Sue Second", role: "admin" });
    const error = await refusedWithoutChange(db, () => toggle("second@globex.test", true));
    expect(error).toMatchObject({ code: "CONFLICT", refusal: "DEVELOPER_HELD", message: "Only one developer is allowed on the Free plan; Gil Bates has developer mode on" });

    await toggle("admin@globex.test", false);
    expect((await userByEmail(db, "admin@globex.test")).developerMode).toBe(false);
    await toggle("second@globex.test", true);
    expect((await userByEmail(db, "second@globex.test")).developerMode).toBe(true);
    const back = await refusedWithoutChange(db, () => toggle("admin@globex.test", true));
    expect(back.refusal).toBe("DEVELOPER_HELD");
    expect(back.message).toContain("Sue Second has developer mode on");
  });

  it("does nothing, and audits nothing, when the switch is already in that position", async () => {
    await withoutChange(db, () => toggle("admin@acme.test", true));
  });

  it.each([
    ["a string", { enabled: "yes" }],
    ["a missing value", {}],
    ["another user's id (there is no target to name)", { enabled: true, userId: "00000000-0000-4000-8000-000000000001" }],
  ])("refuses %s with INVALID and no change", async (_label, raw) => {
    const actor = await actorFor(db, "admin@acme.test");
    const error = await refusedWithoutChange(db, () => setDeveloperMode(db, actor, raw));
    expect(error.code).toBe("INVALID");
  });
});
