// The row menu offers exactly what the commands accept (security.md A8), also for a suspended
// invitation: pending and suspended at once, shown as "suspended".
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";

import { userFiltersSchema } from "@/lib/users/filters";
import { listUsers } from "@/lib/users/list";
import { grantableRoles, lastAdminBlocks, rowActions, tenantRoles } from "@/lib/users/page-data";
import { actorFor, orgIdByName } from "../helpers/actors";
import { freshDemoDb } from "../helpers/db";
import { invite, inviteAndAccept, mullerAdmin, NEW_PASSWORD } from "../helpers/fixtures";
import { refusedWithoutChange, withoutChange } from "../helpers/snapshot";
import { inviteUser, revokeInvitations, setUserPassword, suspendUsers } from "../helpers/commands";

let db: Db;
beforeEach(async () => {
  db = await freshDemoDb();
});

describe("rowActions", () => {
  it("offers a suspended invitation's invitation actions, and not what needs an accepted user", async () => {
    const admin = await actorFor(db, "admin@acme.test");
    const { userId } = await invite(db, "admin@acme.test", { email: "later@acme.test" });
    expect((await suspendUsers(db, admin, { orgId: admin.org.id, userIds: [userId] })).done).toEqual([userId]);

    const page = await listUsers(db, admin, { filters: userFiltersSchema.parse({ q: "later@acme.test" }), sort: { key: "name", dir: "asc" }, size: 25 });
    const row = page.rows.find((r) => r.id === userId)!;
    expect(row).toMatchObject({ status: "suspended", pending: true, suspended: true });
    const menu = (await rowActions(db, admin, [row]))[userId]!;
    expect(menu).toEqual(expect.arrayContaining(["users.reactivate", "users.resend_invitation", "users.revoke_invitation", "users.delete"]));
    expect(menu).not.toContain("users.change_password");
    expect(menu).not.toContain("users.force_logout");
    expect(menu).not.toContain("users.suspend");

    // What the menu hides, the command refuses; what it offers, the command does.
    const refused = await refusedWithoutChange(db, () => setUserPassword(db, admin, { orgId: admin.org.id, userId, password: NEW_PASSWORD }));
    expect(refused.code).toBe("CONFLICT");
    expect((await revokeInvitations(db, admin, { orgId: admin.org.id, userIds: [userId] })).done).toEqual([userId]);
  });
});

describe("grantableRoles", () => {
  it("offers the role selects exactly the roles the invite command accepts from the viewer", async () => {
    const admin = await actorFor(db, "admin@acme.test");
    const roles = await tenantRoles(db, admin.viewer.tenant.id);
    expect(grantableRoles(admin.policy, roles).map((r) => r.key)).toEqual(roles.map((r) => r.key));

    const staff = await actorFor(db, "staff@acme.test");
    const offered = grantableRoles(staff.policy, roles).map((r) => r.key);
    expect(offered).toEqual(["staff", "user"]);
    for (const [i, role] of roles.map((r) => r.key).entries()) {
      const input = { orgId: staff.org.id, name: "Offered", email: `offered${i}@acme.test`, role, locationIds: [] };
      if (offered.includes(role)) {
        expect((await inviteUser(db, staff, input)).userId).toBeTruthy();
      } else {
        const refused = await refusedWithoutChange(db, () => inviteUser(db, staff, input));
        expect(refused.refusal).toBe("ROLE_ABOVE_YOURS");
      }
    }
  });
});

describe("lastAdminBlocks", () => {
  const reach = userFiltersSchema.parse({ scope: "reach", q: "muller.test" });

  it("disables Suspend, Transfer and Delete on an org's last active Admin, with the reason the commands give", async () => {
    const admin = await actorFor(db, "admin@acme.test");
    const boss = await mullerAdmin(db);
    const page = await listUsers(db, admin, { filters: reach, sort: { key: "name", dir: "asc" }, size: 25 });
    const actions = await rowActions(db, admin, page.rows);
    const blocked = await lastAdminBlocks(db, admin.viewer.tenant.id, page.rows, actions);
    const reason = "Muller Boiler Group would be left without an Admin";
    expect(blocked).toEqual({ [boss.viewer.userId]: { "users.suspend": reason, "users.transfer": reason, "users.delete": reason } });
    // What the menu disables, the command refuses with the same words and writes nothing.
    const refused = await withoutChange(db, () => suspendUsers(db, admin, { orgId: admin.org.id, userIds: [boss.viewer.userId] }));
    expect(refused.skipped[0]).toMatchObject({ refusal: "LAST_ADMIN", reason });

    // A second active Admin lifts the block for both.
    await inviteAndAccept(db, "admin@acme.test", { email: "second@muller.test", role: "admin", orgName: "Muller Boiler Group" });
    const again = await listUsers(db, admin, { filters: reach, sort: { key: "name", dir: "asc" }, size: 25 });
    expect(await lastAdminBlocks(db, admin.viewer.tenant.id, again.rows, await rowActions(db, admin, again.rows))).toEqual({});
  });

  it("counts only the tenant it is asked about: another tenant's id finds no Admins there", async () => {
    const admin = await actorFor(db, "admin@acme.test");
    await mullerAdmin(db);
    await inviteAndAccept(db, "admin@acme.test", { email: "second@muller.test", role: "admin", orgName: "Muller Boiler Group" });
    const page = await listUsers(db, admin, { filters: reach, sort: { key: "name", dir: "asc" }, size: 25 });
    const globex = await orgIdByName(db, "Globex");
    const blocked = await lastAdminBlocks(db, globex, page.rows, await rowActions(db, admin, page.rows));
    // Counted in Globex, every Muller Admin looks like the last one.
    for (const reasons of Object.values(blocked)) expect(reasons["users.suspend"]).toMatch(/would be left without an Admin/);
    expect(Object.keys(blocked).length).toBeGreaterThanOrEqual(2);
  });
});
