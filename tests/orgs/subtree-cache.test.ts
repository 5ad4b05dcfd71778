import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { organizations, orgTreeVersions, users } from "@/db/schema";
import type { Actor } from "@/lib/commands/actor";

import { cachedSubtreeOrgIds } from "@/lib/orgs/subtree-cache";
import { userFiltersSchema } from "@/lib/users/filters";
import { listUsers } from "@/lib/users/list";
import { actorFor, orgIdByName } from "../helpers/actors";
import { freshDemoDb } from "../helpers/db";
import { refusedWithoutChange } from "../helpers/snapshot";
import { createOrg, deleteOrg, editOrg } from "../helpers/commands";

let db: Db;
let tenantId: string;
let united: string;
beforeEach(async () => {
  db = await freshDemoDb();
  united = await orgIdByName(db, "United Heaters Inc.");
  tenantId = (await actorFor(db, "admin@acme.test")).viewer.tenant.id;
});

const version = async () => (await db.select({ v: orgTreeVersions.version }).from(orgTreeVersions).where(eq(orgTreeVersions.tenantId, tenantId)))[0]!.v;
const adminIn = (orgId: string) => actorFor(db, "admin@acme.test", orgId);
const newOrg = (actor: Actor, name: string, email: string) =>
  createOrg(db, actor, { orgId: actor.org.id, parentId: united, name, type: "client", admins: [{ name: "New Admin", email }] });
const reachEmails = async (actor: Actor) =>
  (await listUsers(db, actor, { filters: userFiltersSchema.parse({ scope: "reach" }), sort: { key: "email", dir: "asc" }, size: 100 })).rows.map((r) => r.email);
const subtreeOf = (actor: Actor) =>
  cachedSubtreeOrgIds(db, { tenantId, orgTreeVersion: actor.viewer.tenant.orgTreeVersion, orgId: actor.org.id, orgPath: actor.org.path }, 1_000);

describe("the org tree version", () => {
  it("moves when an org is created, moved or deleted, not on a rename or a refused create", async () => {
    const admin = await actorFor(db, "admin@acme.test");
    const start = await version();
    const { orgId } = await newOrg(admin, "Baker Street Flats", "bea@baker.test");
    const created = await version();
    expect(created).toBeGreaterThan(start);

    await editOrg(db, admin, { orgId: admin.org.id, targetOrgId: orgId, name: "Baker Street Lofts", description: "", canCreateSubOrgs: true });
    expect(await version()).toBe(created);
    await refusedWithoutChange(db, () => newOrg(admin, "Baker Street Lofts", "dup@baker.test"));
    expect(await version()).toBe(created);

    // A move (no command moves orgs; the trigger still watches the path).
    const [row] = await db.select({ path: organizations.path }).from(organizations).where(eq(organizations.id, orgId));
    await db.update(organizations).set({ path: row!.path }).where(eq(organizations.id, orgId));
    const moved = await version();
    expect(moved).toBeGreaterThan(created);

    await db.delete(users).where(eq(users.email, "bea@baker.test"));
    await deleteOrg(db, admin, { orgId: admin.org.id, targetOrgId: orgId, confirm: "DELETE" });
    expect(await version()).toBeGreaterThan(moved);
  });

  it("is kept apart per tenant", async () => {
    const globex = await actorFor(db, "admin@globex.test");
    const theirs = async () => (await db.select({ v: orgTreeVersions.version }).from(orgTreeVersions).where(eq(orgTreeVersions.tenantId, globex.viewer.tenant.id)))[0]!.v;
    const before = await theirs();
    await newOrg(await actorFor(db, "admin@acme.test"), "Baker Street Flats", "bea@baker.test");
    expect(await theirs()).toBe(before);
    expect(globex.viewer.tenant.orgTreeVersion).toBe(before);
  });
});

describe("cached subtree org ids", () => {
  it("'All in reach' lists the people of an org created after the subtree was cached", async () => {
    const before = await adminIn(united);
    expect(await reachEmails(before)).not.toContain("bea@baker.test");
    await newOrg(before, "Baker Street Flats", "bea@baker.test");
    // The next request reads the new version with its session, so it reads the subtree again.
    expect(await reachEmails(await adminIn(united))).toContain("bea@baker.test");
  });

  it("keeps a request's list to the tree it read, and forgets a deleted org on the next request", async () => {
    const before = await adminIn(united);
    const cached = await subtreeOf(before);
    const { orgId } = await newOrg(before, "Baker Street Flats", "bea@baker.test");
    // A request that read the tree before the create is served the list it would have read.
    expect(await subtreeOf(before)).toEqual(cached);
    const withNew = await subtreeOf(await adminIn(united));
    expect(withNew).toEqual(expect.arrayContaining([...cached!, orgId]));
    expect(withNew).toHaveLength(cached!.length + 1);

    await db.delete(users).where(eq(users.email, "bea@baker.test"));
    await deleteOrg(db, before, { orgId: united, targetOrgId: orgId, confirm: "DELETE" });
    expect(new Set(await subtreeOf(await adminIn(united)))).toEqual(new Set(cached));
  });

  it("is null for a subtree over the limit, and holds only the org's own subtree", async () => {
    const unitedAdmin = await adminIn(united);
    const ids = await subtreeOf(unitedAdmin);
    expect(ids).toHaveLength(3); // United, Marsh Residence, Hill Cottage
    expect(ids).toContain(united);
    expect(await cachedSubtreeOrgIds(db, { tenantId, orgTreeVersion: unitedAdmin.viewer.tenant.orgTreeVersion, orgId: united, orgPath: unitedAdmin.org.path }, 2)).toBeNull();
    const muller = await adminIn(await orgIdByName(db, "Muller Boiler Group"));
    expect(await subtreeOf(muller)).toEqual([muller.org.id]);
  });
});
