// Force logout, and security.md A9/D1: a change of rights applies on the user's very next request.
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { loadViewer } from "@/lib/auth/session-check";



import { actorFor, orgIdByName } from "../helpers/actors";
import { freshDemoDb } from "../helpers/db";
import { userByEmail } from "../helpers/demo";
import { auditOf, idOf, invite, openSession, randomId } from "../helpers/fixtures";
import { refusalWithoutChange, withoutChange } from "../helpers/snapshot";
import { changeRoles, deleteUsers, forceLogout, suspendUsers, transferUser } from "../helpers/commands";

let db: Db;
beforeEach(async () => {
  db = await freshDemoDb();
});

const logoutAs = async (actorEmail: string, userIds: string[]) => {
  const actor = await actorFor(db, actorEmail);
  return forceLogout(db, actor, { orgId: actor.org.id, userIds });
};

describe("force logout", () => {
  it("bumps the session version, so every session of the user ends on its next request; one audit row", async () => {
    const before = await userByEmail(db, "staff@acme.test");
    const claims = await openSession(db, "staff@acme.test");
    expect(await loadViewer(db, claims)).not.toBeNull();
    const result = await logoutAs("admin@acme.test", [before.id]);
    expect(result).toEqual({ done: [before.id], skipped: [] });
    expect((await userByEmail(db, "staff@acme.test")).sessionVersion).toBe(before.sessionVersion + 1);
    expect(await loadViewer(db, claims)).toBeNull();
    expect((await auditOf(db, before.id)).map((a) => a.action)).toEqual(["session_logout_forced"]);
    // A new login works at once.
    expect(await loadViewer(db, await openSession(db, "staff@acme.test"))).not.toBeNull();
  });

  it("is allowed to Staff on Users, and reaches sub-orgs", async () => {
    const ids = [await idOf(db, "user@acme.test"), await idOf(db, "m@united.test")];
    expect((await logoutAs("staff@acme.test", ids)).done.sort()).toEqual(ids.sort());
  });

  it("reports mixed selections row by row: done, and skipped with reasons", async () => {
    const staff = await idOf(db, "staff@acme.test");
    const user = await idOf(db, "user@acme.test");
    const admin = await idOf(db, "admin@acme.test");
    const globex = await idOf(db, "admin@globex.test");
    const { userId: pending } = await invite(db, "admin@acme.test", { email: "pending@acme.test" });
    const unknown = randomId();
    const result = await logoutAs("staff@acme.test", [staff, user, admin, globex, pending, unknown]);
    expect(result.done).toEqual([user]);
    const byId = new Map(result.skipped.map((s) => [s.id, s]));
    expect(byId.get(staff)).toMatchObject({ code: "FORBIDDEN", refusal: "OWN_ACCOUNT", reason: "Change your own account from your profile, not the users table" });
    expect(byId.get(admin)).toMatchObject({ code: "FORBIDDEN", refusal: "ROLE_ABOVE_YOURS", reason: "Only an Admin can log out an Admin" });
    expect(byId.get(pending)).toMatchObject({ code: "CONFLICT" });
    expect(byId.get(globex)).toEqual({ id: globex, name: "Unknown user", reason: "Not found", code: "NOT_FOUND", refusal: "NOT_FOUND" });
    expect(byId.get(unknown)).toEqual({ id: unknown, name: "Unknown user", reason: "Not found", code: "NOT_FOUND", refusal: "NOT_FOUND" });
    expect(await auditOf(db, user, "session_logout_forced")).toHaveLength(1);
    expect(await auditOf(db, staff)).toHaveLength(0);
  });

  it("refuses a User entirely and changes nothing", async () => {
    const staff = await idOf(db, "staff@acme.test");
    expect(await refusalWithoutChange(db, () => logoutAs("user@acme.test", [staff]))).toEqual({ code: "FORBIDDEN", upFront: true });
  });

  it("applies 'all matching' to the filtered set in scope only, never another tenant", async () => {
    const actor = await actorFor(db, "admin@acme.test");
    const everyone = await forceLogout(db, actor, { orgId: actor.org.id, matching: { q: ".test", scope: "reach" } });
    const acme = ["staff@acme.test", "user@acme.test", "r@muller.test", "w@muller.test", "m@united.test", "h@united.test"];
    expect(everyone.done.sort()).toEqual((await Promise.all(acme.map((e) => idOf(db, e)))).sort());
    expect(everyone.skipped.map((s) => s.id)).toEqual([actor.viewer.userId]);
    expect((await userByEmail(db, "admin@globex.test")).sessionVersion).toBe(1);

    const orgOnly = await forceLogout(db, actor, { orgId: actor.org.id, matching: { roles: ["user"] } });
    expect(orgOnly.done).toEqual([await idOf(db, "user@acme.test")]);

    const foreign = await withoutChange(db, () => forceLogout(db, actor, { orgId: actor.org.id, matching: { q: "globex", scope: "reach" } }));
    expect(foreign).toEqual({ done: [], skipped: [] });
  });
});

describe("the next request sees the change (loadViewer with the old session's claims)", () => {
  it("after a role change: the same session, with the new role", async () => {
    const claims = await openSession(db, "staff@acme.test");
    const admin = await actorFor(db, "admin@acme.test");
    await changeRoles(db, admin, { orgId: admin.org.id, userIds: [claims.uid], role: "user" });
    expect(await loadViewer(db, claims)).toMatchObject({ userId: claims.uid, role: "user" });
  });

  it("after a suspension: logged out", async () => {
    const claims = await openSession(db, "staff@acme.test");
    const admin = await actorFor(db, "admin@acme.test");
    await suspendUsers(db, admin, { orgId: admin.org.id, userIds: [claims.uid] });
    expect(await loadViewer(db, claims)).toBeNull();
  });

  it("after a transfer: logged out", async () => {
    const claims = await openSession(db, "r@muller.test");
    const admin = await actorFor(db, "admin@acme.test");
    await transferUser(db, admin, { orgId: admin.org.id, userId: claims.uid, destination: { orgId: await orgIdByName(db, "Hill Cottage") }, role: "user" });
    expect(await loadViewer(db, claims)).toBeNull();
  });

  it("after a deletion: logged out", async () => {
    const claims = await openSession(db, "staff@acme.test");
    const admin = await actorFor(db, "admin@acme.test");
    await deleteUsers(db, admin, { orgId: admin.org.id, userIds: [claims.uid], confirm: "DELETE" });
    expect(await loadViewer(db, claims)).toBeNull();
  });
});
