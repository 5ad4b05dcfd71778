import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { roles, tenants, users } from "@/db/schema";
import { actorFor } from "../helpers/actors";
import { freshDemoDb } from "../helpers/db";
import { userByEmail } from "../helpers/demo";
import { refusedWithoutChange } from "../helpers/snapshot";
import { changeRoles, createRole, deleteRole, renameRole } from "../helpers/commands";

let db: Db;
beforeEach(async () => {
  db = await freshDemoDb();
});

async function onBusiness() {
  const admin = await actorFor(db, "admin@acme.test");
  await db.update(tenants).set({ plan: "business" }).where(eq(tenants.id, admin.viewer.tenant.id));
  return actorFor(db, "admin@acme.test");
}

describe("custom roles", () => {
  it("adds, renames and deletes a role, moving its members to the replacement", async () => {
    const admin = await onBusiness();
    const { key } = await createRole(db, admin, { orgId: admin.org.id, name: "Installer" });
    const uma = await userByEmail(db, "user@acme.test");
    await changeRoles(db, admin, { orgId: admin.org.id, userIds: [uma.id], role: key });
    await renameRole(db, admin, { orgId: admin.org.id, role: key, name: "Field installer" });
    const [renamed] = await db.select().from(roles).where(and(eq(roles.tenantId, admin.viewer.tenant.id), eq(roles.key, key)));
    expect(renamed!.name).toBe("Field installer");
    expect(await deleteRole(db, admin, { orgId: admin.org.id, role: key, replacement: "staff" })).toEqual({ moved: 1 });
    expect((await userByEmail(db, "user@acme.test")).role).toBe("staff");
    expect(await db.select().from(roles).where(eq(roles.key, key))).toEqual([]);
  });

  it("stops at 9 roles, on plans without custom roles, on built-in roles and on name clashes", async () => {
    const pro = await actorFor(db, "admin@acme.test");
    expect((await refusedWithoutChange(db, () => createRole(db, pro, { orgId: pro.org.id, name: "Installer" }))).code).toBe("LIMIT");
    const admin = await onBusiness();
    for (let i = 1; i <= 6; i++) await createRole(db, admin, { orgId: admin.org.id, name: `Role ${i}` });
    expect((await refusedWithoutChange(db, () => createRole(db, admin, { orgId: admin.org.id, name: "Tenth" }))).code).toBe("LIMIT");
    expect((await refusedWithoutChange(db, () => deleteRole(db, admin, { orgId: admin.org.id, role: "admin", replacement: "user" }))).code).toBe("FORBIDDEN");
    expect((await refusedWithoutChange(db, () => renameRole(db, admin, { orgId: admin.org.id, role: "r_role_1", name: "role 2" }))).code).toBe("CONFLICT");
    expect((await refusedWithoutChange(db, () => deleteRole(db, admin, { orgId: admin.org.id, role: "r_role_1", replacement: "r_role_1" }))).code).toBe("INVALID");
    const staff = await actorFor(db, "staff@acme.test");
    expect((await refusedWithoutChange(db, () => createRole(db, staff, { orgId: staff.org.id, name: "Sneaky" }))).code).toBe("FORBIDDEN");
    const [count] = await db.select().from(users).where(eq(users.email, "user@acme.test"));
    expect(count!.role).toBe("user");
  });
});
