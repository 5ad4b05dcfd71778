import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { inviteUser } from "@/lib/users/commands/invite";
import { changeRoles } from "@/lib/users/commands/change-role";
import { deleteUsers } from "@/lib/users/commands/delete";
import { freshDemoDb } from "../helpers/db";
import { actorFor } from "../helpers/actors";
import { userByEmail } from "../helpers/demo";

let db: Db;
beforeEach(async () => {
  db = await freshDemoDb();
});

describe("smoke", () => {
  it("invites, changes role, deletes", async () => {
    const admin = await actorFor(db, "admin@acme.test");
    const { userId } = await inviteUser(db, admin, { orgId: admin.org.id, name: "New Person", email: "new@acme.test", role: "staff", locationIds: [] });
    const r = await changeRoles(db, admin, { orgId: admin.org.id, userIds: [userId], role: "user" });
    expect(r.done).toEqual([userId]);
    const self = await deleteUsers(db, admin, { orgId: admin.org.id, userIds: [admin.viewer.userId], confirm: "DELETE" });
    expect(self.skipped[0]?.code).toBe("FORBIDDEN");
    const d = await deleteUsers(db, admin, { orgId: admin.org.id, matching: { q: "new@" }, confirm: "DELETE" });
    expect(d.done).toEqual([userId]);
    expect((await userByEmail(db, "staff@acme.test")).role).toBe("staff");
  });
});
