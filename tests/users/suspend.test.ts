import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { DEMO_PASSWORD } from "@/db/seed";
import { logIn } from "@/lib/auth/login";
import { loadViewer } from "@/lib/auth/session-check";

import { actorFor } from "../helpers/actors";
import { freshDemoDb } from "../helpers/db";
import { userByEmail } from "../helpers/demo";
import { auditOf, idOf, inviteAndAccept, MULLER_ADMIN, mullerAdmin, openSession, randomId } from "../helpers/fixtures";
import { refusalWithoutChange, withoutChange } from "../helpers/snapshot";
import { reactivateUsers, suspendUsers } from "../helpers/commands";

let db: Db;
beforeEach(async () => {
  db = await freshDemoDb();
});

const as = async (actorEmail: string, command: typeof suspendUsers, emails: string[]) => {
  const actor = await actorFor(db, actorEmail);
  return command(db, actor, { orgId: actor.org.id, userIds: await Promise.all(emails.map((e) => idOf(db, e))) });
};
const canLogIn = async (email: string) => (await logIn(db, { email, password: DEMO_PASSWORD, ip: "10.2.2.2", userAgent: null })) !== null;

describe("suspend and reactivate", () => {
  it("suspends: no login, sessions end; reactivating lets them log in again; one audit row each way", async () => {
    const id = await idOf(db, "staff@acme.test");
    const claims = await openSession(db, "staff@acme.test");
    expect(await as("admin@acme.test", suspendUsers, ["staff@acme.test"])).toEqual({ done: [id], skipped: [] });
    expect((await userByEmail(db, "staff@acme.test")).suspendedAt).not.toBeNull();
    expect(await loadViewer(db, claims)).toBeNull();
    expect(await canLogIn("staff@acme.test")).toBe(false);

    expect(await as("admin@acme.test", reactivateUsers, ["staff@acme.test"])).toEqual({ done: [id], skipped: [] });
    expect((await userByEmail(db, "staff@acme.test")).suspendedAt).toBeNull();
    expect(await canLogIn("staff@acme.test")).toBe(true);
    // The old session stays dead: reactivation does not resurrect it.
    expect(await loadViewer(db, claims)).toBeNull();
    expect((await auditOf(db, id)).map((a) => a.action)).toEqual(["user_suspended", "user_reactivated"]);
  });

  it.each([
    // Without the permission the whole request is refused before anyone is looked up.
    ["Staff (no users.suspend)", "staff@acme.test", ["user@acme.test"], true],
    ["a User", "user@acme.test", ["staff@acme.test"], true],
    ["an Admin on themselves", "admin@acme.test", ["admin@acme.test"], false],
  ])("refuses %s with FORBIDDEN and no change", async (_label, actor, targets, upFront) => {
    expect(await refusalWithoutChange(db, () => as(actor, suspendUsers, targets))).toEqual({ code: "FORBIDDEN", upFront });
  });

  it("refuses suspending the suspended and reactivating the active (CONFLICT)", async () => {
    await as("admin@acme.test", suspendUsers, ["staff@acme.test"]);
    const again = await withoutChange(db, () => as("admin@acme.test", suspendUsers, ["staff@acme.test"]));
    expect(again.skipped[0]).toMatchObject({ code: "CONFLICT", refusal: "ALREADY_SUSPENDED", reason: "This user is already suspended" });
    const active = await withoutChange(db, () => as("admin@acme.test", reactivateUsers, ["user@acme.test"]));
    expect(active.skipped[0]).toMatchObject({ code: "CONFLICT", refusal: "NOT_SUSPENDED", reason: "This user is not suspended" });
  });

  it("keeps the last active Admin of an org; in bulk it suspends all but one", async () => {
    await mullerAdmin(db);
    const alone = await withoutChange(db, () => as("admin@acme.test", suspendUsers, [MULLER_ADMIN]));
    expect(alone.skipped[0]).toMatchObject({ code: "CONFLICT", refusal: "LAST_ADMIN", reason: "Muller Boiler Group would be left without an Admin" });

    await inviteAndAccept(db, "admin@acme.test", { email: "boss2@muller.test", role: "admin", orgName: "Muller Boiler Group" });
    const both = await as("admin@acme.test", suspendUsers, [MULLER_ADMIN, "boss2@muller.test", "r@muller.test"]);
    expect(both.done).toHaveLength(2);
    expect(both.skipped.map((s) => s.reason)).toEqual(["Muller Boiler Group would be left without an Admin"]);
  });

  it("bulk: suspends what it may and reports the rest", async () => {
    const unknown = randomId();
    const actor = await actorFor(db, "admin@acme.test");
    const ids = await Promise.all(["user@acme.test", "w@muller.test", "admin@acme.test", "admin@globex.test"].map((e) => idOf(db, e)));
    const result = await suspendUsers(db, actor, { orgId: actor.org.id, userIds: [...ids, unknown] });
    expect(result.done.sort()).toEqual([ids[0], ids[1]].sort());
    expect(result.skipped.map((s) => s.code).sort()).toEqual(["FORBIDDEN", "NOT_FOUND", "NOT_FOUND"]);
    expect((await userByEmail(db, "admin@globex.test")).suspendedAt).toBeNull();
    expect(await auditOf(db, ids[0]!, "user_suspended")).toHaveLength(1);
  });
});
