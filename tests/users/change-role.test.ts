import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { actorFor } from "../helpers/actors";
import { freshDemoDb } from "../helpers/db";
import { userByEmail } from "../helpers/demo";
import { loadViewer } from "@/lib/auth/session-check";
import { auditOf, idOf, inviteAndAccept, MULLER_ADMIN, mullerAdmin, openSession } from "../helpers/fixtures";
import { refusedWithoutChange, refusalWithoutChange, withoutChange } from "../helpers/snapshot";
import { changeRoles, setDeveloperMode } from "../helpers/commands";

let db: Db;
beforeEach(async () => {
  db = await freshDemoDb();
});

const changeAs = async (actorEmail: string, emails: string[], role: string) => {
  const actor = await actorFor(db, actorEmail);
  return changeRoles(db, actor, { orgId: actor.org.id, userIds: await Promise.all(emails.map((e) => idOf(db, e))), role });
};

describe("change role", () => {
  it("changes the role and writes one audit row with before and after", async () => {
    const id = await idOf(db, "staff@acme.test");
    expect(await changeAs("admin@acme.test", ["staff@acme.test"], "user")).toEqual({ done: [id], skipped: [] });
    expect((await userByEmail(db, "staff@acme.test")).role).toBe("user");
    const audit = await auditOf(db, id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "user_role_changed", actorEmail: "admin@acme.test", before: { role: "staff" }, after: { role: "user" } });
  });

  it("keeps the person's session: their next request simply carries the new role (as the README says)", async () => {
    const claims = await openSession(db, "staff@acme.test");
    await changeAs("admin@acme.test", ["staff@acme.test"], "user");
    expect(await loadViewer(db, claims)).toMatchObject({ email: "staff@acme.test", role: "user" });
  });

  it("lets an Admin make an Admin, and Staff give the Staff role", async () => {
    expect((await changeAs("admin@acme.test", ["staff@acme.test"], "admin")).done).toHaveLength(1);
    expect((await changeAs("staff@acme.test", ["r@muller.test"], "staff")).done).toHaveLength(1);
    expect((await userByEmail(db, "r@muller.test")).role).toBe("staff");
  });

  it("refuses Staff making anyone an Admin (FORBIDDEN), with no change", async () => {
    const result = await withoutChange(db, () => changeAs("staff@acme.test", ["user@acme.test", "r@muller.test"], "admin"));
    expect(result.done).toEqual([]);
    expect(result.skipped.map((s) => [s.code, s.refusal, s.reason])).toEqual([
      ["FORBIDDEN", "ROLE_ABOVE_YOURS", "Only an Admin can make someone an Admin"],
      ["FORBIDDEN", "ROLE_ABOVE_YOURS", "Only an Admin can make someone an Admin"],
    ]);
  });

  it("refuses Staff changing an Admin's role, a User changing anyone's, and anyone their own", async () => {
    // A User may not change roles at all: refused before anyone is looked up.
    for (const [actor, target, upFront] of [
      ["staff@acme.test", "admin@acme.test", false],
      ["user@acme.test", "staff@acme.test", true],
      ["admin@acme.test", "admin@acme.test", false],
    ] as const) {
      expect(await refusalWithoutChange(db, () => changeAs(actor, [target], "user"))).toEqual({ code: "FORBIDDEN", upFront });
    }
  });

  it("keeps the last Admin of an org: CONFLICT naming the org", async () => {
    await mullerAdmin(db);
    const result = await withoutChange(db, () => changeAs("admin@acme.test", [MULLER_ADMIN], "staff"));
    expect(result.skipped[0]).toMatchObject({ code: "CONFLICT", refusal: "LAST_ADMIN", reason: "Muller Boiler Group would be left without an Admin" });
  });

  it("in bulk, demotes all but the last Admin of an org", async () => {
    await mullerAdmin(db);
    await inviteAndAccept(db, "admin@acme.test", { email: "boss2@muller.test", role: "admin", orgName: "Muller Boiler Group" });
    const result = await changeAs("admin@acme.test", [MULLER_ADMIN, "boss2@muller.test"], "user");
    expect(result.done).toHaveLength(1);
    expect(result.skipped).toHaveLength(1);
    expect(result.skipped[0]).toMatchObject({ code: "CONFLICT", refusal: "LAST_ADMIN", reason: "Muller Boiler Group would be left without an Admin" });
    const roles = [(await userByEmail(db, MULLER_ADMIN)).role, (await userByEmail(db, "boss2@muller.test")).role].sort();
    expect(roles).toEqual(["admin", "user"]);
  });

  it("switches developer mode off when a developer stops being an Admin, and keeps it otherwise", async () => {
    await changeAs("admin@acme.test", ["staff@acme.test"], "admin");
    await setDeveloperMode(db, await actorFor(db, "staff@acme.test"), { enabled: true });
    expect((await userByEmail(db, "staff@acme.test")).developerMode).toBe(true);
    await changeAs("admin@acme.test", ["staff@acme.test"], "admin");
    expect((await userByEmail(db, "staff@acme.test")).developerMode).toBe(true);
    const result = await changeAs("admin@acme.test", ["staff@acme.test"], "staff");
    expect(result.done).toHaveLength(1);
    expect((await userByEmail(db, "staff@acme.test")).developerMode).toBe(false);
    const audit = await auditOf(db, await idOf(db, "staff@acme.test"), "user_role_changed");
    expect(audit[audit.length - 1]).toMatchObject({ before: { role: "admin", developerMode: true }, after: { role: "staff", developerMode: false } });
  });

  it("reports users who already have the role as skipped, and changes and audits only the others", async () => {
    const [staffId, userId] = [await idOf(db, "staff@acme.test"), await idOf(db, "user@acme.test")];
    const result = await changeAs("admin@acme.test", ["staff@acme.test", "user@acme.test"], "staff");
    expect(result).toEqual({ done: [userId], skipped: [{ id: staffId, name: "Sam Stone", reason: "This user already has that role", code: "CONFLICT", refusal: "SAME_ROLE" }] });
    expect(await auditOf(db, staffId)).toEqual([]);
    expect((await userByEmail(db, "staff@acme.test")).role).toBe("staff");
    expect(await auditOf(db, userId)).toHaveLength(1);
    expect((await userByEmail(db, "user@acme.test")).role).toBe("staff");
  });

  it("counts a repeated id once", async () => {
    const id = await idOf(db, "user@acme.test");
    const actor = await actorFor(db, "admin@acme.test");
    const result = await changeRoles(db, actor, { orgId: actor.org.id, userIds: [id, id, id.toUpperCase()], role: "staff" });
    expect(result).toEqual({ done: [id], skipped: [] });
    expect(await auditOf(db, id)).toHaveLength(1);
  });

  it("refuses a role the tenant does not have (INVALID)", async () => {
    const error = await refusedWithoutChange(db, () => changeAs("admin@acme.test", ["user@acme.test"], "owner"));
    expect(error).toMatchObject({ code: "INVALID", field: "role" });
  });

  it("with 'all matching', changes the filtered set in the org shown, or in reach", async () => {
    const actor = await actorFor(db, "admin@acme.test");
    const here = await changeRoles(db, actor, { orgId: actor.org.id, matching: { roles: ["user"] }, role: "staff" });
    expect(here.done).toEqual([await idOf(db, "user@acme.test")]);
    const reach = await changeRoles(db, actor, { orgId: actor.org.id, matching: { roles: ["user"], scope: "reach" }, role: "staff" });
    expect(reach.done).toHaveLength(4);
    expect((await userByEmail(db, "h@united.test")).role).toBe("staff");
  });
});
