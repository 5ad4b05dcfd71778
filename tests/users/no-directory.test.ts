// security.md A1/A2: a command on users refuses a viewer who may not see the users page, or who
// lacks the command's permission, once and before it looks anyone up — never one refusal per
// user with that user's name, which would let them list or search the people of their org.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/commands/actor";







import { actorFor, orgIdByName } from "../helpers/actors";
import { freshDemoDb } from "../helpers/db";
import { idOf, NEW_PASSWORD } from "../helpers/fixtures";
import { refusedWithoutChange } from "../helpers/snapshot";
import { applyTag, removeTag, changeRoles, deleteUsers, editUser, forceLogout, reactivateUsers, resendInvitations, revokeInvitations, setUserPassword, suspendUsers, transferUser } from "../helpers/commands";

let db: Db;
let names: string[];
beforeAll(async () => {
  db = await freshDemoDb();
  names = (await db.query.users.findMany({ columns: { name: true } })).map((u) => u.name);
});
beforeEach(async () => {
  db = await freshDemoDb();
});

type Selection = { userIds: string[] } | { matching: { q: string } };
type Command = [string, (actor: Actor, selection: Selection, other: string) => Promise<unknown>];

// Every command on existing users, each given inputs an Admin would be allowed to run.
const bulk: Command[] = [
  ["force logout", (a, s) => forceLogout(db, a, { orgId: a.org.id, ...s })],
  ["suspend", (a, s) => suspendUsers(db, a, { orgId: a.org.id, ...s })],
  ["reactivate", (a, s) => reactivateUsers(db, a, { orgId: a.org.id, ...s })],
  ["delete", (a, s) => deleteUsers(db, a, { orgId: a.org.id, ...s, confirm: "DELETE" })],
  ["change role", (a, s) => changeRoles(db, a, { orgId: a.org.id, ...s, role: "staff" })],
  ["apply tag", (a, s) => applyTag(db, a, { orgId: a.org.id, ...s, tag: { name: "VIP" } })],
  ["remove tag", (a, s) => removeTag(db, a, { orgId: a.org.id, ...s, tagId: crypto.randomUUID() })],
  ["resend invitation", (a, s) => resendInvitations(db, a, { orgId: a.org.id, ...s })],
  ["revoke invitation", (a, s) => revokeInvitations(db, a, { orgId: a.org.id, ...s })],
];
const single: Command[] = [
  ["edit", (a, _, id) => editUser(db, a, { orgId: a.org.id, userId: id, name: "Renamed", role: "user" })],
  ["set password", (a, _, id) => setUserPassword(db, a, { orgId: a.org.id, userId: id, password: NEW_PASSWORD })],
  ["transfer", async (a, _, id) => transferUser(db, a, { orgId: a.org.id, userId: id, destination: { orgId: await orgIdByName(db, "United Heaters Inc.") }, role: "user" })],
];

async function expectRefusedNamingNobody(work: () => Promise<unknown>, reason: RegExp) {
  const error = await refusedWithoutChange(db, work);
  expect(error.code).toBe("FORBIDDEN");
  expect(error.message).toMatch(reason);
  for (const name of names) expect(JSON.stringify(error)).not.toContain(name);
}

describe("a User viewer (no permissions) gets no one's name from a command on users", () => {
  it.each(bulk)("%s, all matching a search", async (_, run) => {
    const actor = await actorFor(db, "user@acme.test");
    await expectRefusedNamingNobody(() => run(actor, { matching: { q: "acme.test" } }, ""), /"View users"/);
  });

  it.each([...bulk, ...single])("%s, users named by id", async (_, run) => {
    const actor = await actorFor(db, "user@acme.test");
    const ids = [await idOf(db, "admin@acme.test"), await idOf(db, "staff@acme.test")];
    await expectRefusedNamingNobody(() => run(actor, { userIds: ids }, ids[0]!), /"View users"/);
  });
});

describe("a Staff viewer is refused once for a permission Staff lacks", () => {
  const lacking = new Set(["suspend", "reactivate", "delete", "set password", "transfer", "apply tag"]);
  it.each([...bulk, ...single].filter(([name]) => lacking.has(name)))("%s", async (_, run) => {
    const actor = await actorFor(db, "staff@acme.test");
    const id = await idOf(db, "user@acme.test");
    await expectRefusedNamingNobody(() => run(actor, { userIds: [id] }, id), /You need the "/);
  });

  it("while a permission Staff holds still answers row by row", async () => {
    const actor = await actorFor(db, "staff@acme.test");
    const result = await forceLogout(db, actor, { orgId: actor.org.id, userIds: [await idOf(db, "user@acme.test")] });
    expect(result.done).toHaveLength(1);
  });
});
