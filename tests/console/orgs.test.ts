import { and, count, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { organizations, roleGrants, users } from "@/db/schema";

import { actorFor, orgIdByName } from "../helpers/actors";
import { freshDemoDb } from "../helpers/db";
import { mullerAdmin } from "../helpers/fixtures";
import { refusedWithoutChange } from "../helpers/snapshot";
import { createOrg, deleteOrg, editOrg } from "../helpers/commands";

let db: Db;
beforeEach(async () => {
  db = await freshDemoDb();
});

const newOrg = (orgId: string, parentId: string, over: object = {}) => ({
  orgId,
  parentId,
  name: "Baker Street Flats",
  type: "client",
  admins: [{ name: "Bea Baker", email: "bea@baker.test" }],
  ...over,
});

describe("create sub-organization", () => {
  it("creates the org under United Heaters, copies the parent's grants and invites its Admin, in one go", async () => {
    const admin = await actorFor(db, "admin@acme.test");
    const united = await orgIdByName(db, "United Heaters Inc.");
    const { orgId } = await createOrg(db, admin, newOrg(admin.org.id, united));
    const [org] = await db.select().from(organizations).where(eq(organizations.id, orgId));
    const [parent] = await db.select().from(organizations).where(eq(organizations.id, united));
    expect(org).toMatchObject({ parentId: united, depth: parent!.depth + 1, path: `${parent!.path}${orgId}/`, type: "client" });
    const grants = async (id: string) => (await db.select({ p: roleGrants.permission, r: roleGrants.roleId }).from(roleGrants).where(eq(roleGrants.orgId, id))).map((g) => `${g.r}:${g.p}`).sort();
    expect(await grants(orgId)).toEqual(await grants(united));
    const [bea] = await db.select().from(users).where(eq(users.email, "bea@baker.test"));
    expect(bea).toMatchObject({ orgId, role: "admin", acceptedAt: null });
  });

  it("refuses Staff, a parent out of reach, the free plan and a taken sibling name, changing nothing", async () => {
    const admin = await actorFor(db, "admin@acme.test");
    const staff = await actorFor(db, "staff@acme.test");
    const united = await orgIdByName(db, "United Heaters Inc.");
    expect((await refusedWithoutChange(db, () => createOrg(db, staff, newOrg(staff.org.id, united)))).code).toBe("FORBIDDEN");
    const globex = await actorFor(db, "admin@globex.test");
    expect((await refusedWithoutChange(db, () => createOrg(db, globex, newOrg(globex.org.id, united)))).message).toBe("Not found");
    expect((await refusedWithoutChange(db, () => createOrg(db, globex, newOrg(globex.org.id, globex.org.id)))).code).toBe("LIMIT");
    const muller = await mullerAdmin(db);
    expect((await refusedWithoutChange(db, () => createOrg(db, muller, newOrg(muller.org.id, admin.org.id)))).message).toBe("Not found");
    const taken = await refusedWithoutChange(db, () => createOrg(db, admin, newOrg(admin.org.id, united, { name: "marsh residence" })));
    expect(taken).toMatchObject({ code: "CONFLICT", refusal: "ORG_NAME_TAKEN" });
  });

  it("refuses past the plan's depth, without an Admin, with a registered Admin email, and bad input", async () => {
    const admin = await actorFor(db, "admin@acme.test");
    const marsh = await orgIdByName(db, "Marsh Residence");
    const { orgId: level4 } = await createOrg(db, admin, newOrg(admin.org.id, marsh, { canCreateSubOrgs: true }));
    const deep = await refusedWithoutChange(db, () => createOrg(db, admin, newOrg(admin.org.id, level4, { name: "Too Deep", admins: [{ name: "X Y", email: "xy@deep.test" }] })));
    expect(deep).toMatchObject({ code: "LIMIT", refusal: "PLAN_DEPTH" });
    const united = await orgIdByName(db, "United Heaters Inc.");
    expect((await refusedWithoutChange(db, () => createOrg(db, admin, newOrg(admin.org.id, united, { admins: [] })))).code).toBe("INVALID");
    expect((await refusedWithoutChange(db, () => createOrg(db, admin, newOrg(admin.org.id, united, { admins: [{ name: "Hank", email: "h@united.test" }] })))).code).toBe("CONFLICT");
    expect((await refusedWithoutChange(db, () => createOrg(db, admin, newOrg(admin.org.id, united, { name: "x".repeat(81) })))).code).toBe("INVALID");
    expect((await refusedWithoutChange(db, () => createOrg(db, admin, newOrg(admin.org.id, united, { type: "root" })))).code).toBe("INVALID");
    expect((await refusedWithoutChange(db, () => createOrg(db, admin, newOrg(admin.org.id, united, { type: "distributor" })))).code).toBe("LIMIT");
    expect((await refusedWithoutChange(db, () => createOrg(db, admin, { ...newOrg(admin.org.id, united), tenantId: admin.org.id }))).code).toBe("INVALID");
  });
});

describe("edit and delete sub-organization", () => {
  it("renames an org, and its users' org name follows", async () => {
    const admin = await actorFor(db, "admin@acme.test");
    const muller = await orgIdByName(db, "Muller Boiler Group");
    await editOrg(db, admin, { orgId: admin.org.id, targetOrgId: muller, name: "Muller Boilers", description: "Boilers", canCreateSubOrgs: false });
    const [rita] = await db.select().from(users).where(eq(users.email, "r@muller.test"));
    expect(rita!.orgName).toBe("Muller Boilers");
    expect((await refusedWithoutChange(db, () => editOrg(db, admin, { orgId: admin.org.id, targetOrgId: admin.org.id, name: "Acme", description: "", canCreateSubOrgs: true }))).code).toBe("FORBIDDEN");
    const staff = await actorFor(db, "staff@acme.test");
    expect((await refusedWithoutChange(db, () => editOrg(db, staff, { orgId: staff.org.id, targetOrgId: muller, name: "Nope", description: "", canCreateSubOrgs: false }))).code).toBe("FORBIDDEN");
  });

  it("deletes only empty orgs, never the root or your own", async () => {
    const admin = await actorFor(db, "admin@acme.test");
    const muller = await orgIdByName(db, "Muller Boiler Group");
    const busy = await refusedWithoutChange(db, () => deleteOrg(db, admin, { orgId: admin.org.id, targetOrgId: muller, confirm: "DELETE" }));
    expect(busy.refusal).toBe("ORG_NOT_EMPTY");
    expect(busy.message).toBe("Muller Boiler Group still has 2 users, 2 devices; move or delete them first.");
    const united = await orgIdByName(db, "United Heaters Inc.");
    expect((await refusedWithoutChange(db, () => deleteOrg(db, admin, { orgId: admin.org.id, targetOrgId: united, confirm: "DELETE" }))).message).toContain("2 sub-organizations");
    expect((await refusedWithoutChange(db, () => deleteOrg(db, admin, { orgId: admin.org.id, targetOrgId: admin.org.id, confirm: "DELETE" }))).code).toBe("FORBIDDEN");
    expect((await refusedWithoutChange(db, () => deleteOrg(db, admin, { orgId: admin.org.id, targetOrgId: muller, confirm: "delete" }))).code).toBe("INVALID");

    const [empty] = await db.insert(organizations).values({ tenantId: admin.viewer.tenant.id, parentId: united, path: "", depth: 3, name: "Empty One", type: "client" }).returning();
    const [unitedRow] = await db.select().from(organizations).where(eq(organizations.id, united));
    await db.update(organizations).set({ path: `${unitedRow!.path}${empty!.id}/` }).where(eq(organizations.id, empty!.id));
    await deleteOrg(db, admin, { orgId: admin.org.id, targetOrgId: empty!.id, confirm: "DELETE" });
    const [{ n } = { n: 1 }] = await db.select({ n: count() }).from(organizations).where(and(eq(organizations.id, empty!.id)));
    expect(n).toBe(0);
  });
});
