import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { loadGrants } from "@/lib/orgs/resolve";
import { listUsers } from "@/lib/users/list";
import { userFiltersSchema } from "@/lib/users/filters";

import { actorFor, orgIdByName } from "../helpers/actors";
import { freshDemoDb } from "../helpers/db";
import { refusedWithoutChange } from "../helpers/snapshot";
import { updateGrants } from "../helpers/commands";

let db: Db;
beforeEach(async () => {
  db = await freshDemoDb();
});

const grantsOf = async (tenantId: string, org: string, role: string) => [...(await loadGrants(db, tenantId, await orgIdByName(db, org), role))].sort();

describe("edit role grants", () => {
  it("saves a role's grants with their dependencies, in this org only", async () => {
    const admin = await actorFor(db, "admin@acme.test");
    const tenant = admin.viewer.tenant.id;
    const before = await grantsOf(tenant, "Muller Boiler Group", "user");
    await updateGrants(db, admin, { orgId: admin.org.id, roles: [{ role: "user", grants: ["own_devices.control", "users.export"] }] });
    expect(await grantsOf(tenant, "Acme Heating", "user")).toEqual(["own_devices.control", "own_devices.view", "users.export", "users.view"]);
    expect(await grantsOf(tenant, "Muller Boiler Group", "user")).toEqual(before);
  });

  it("pushes only the changes to every sub-org, or overwrites them, when APPLY is typed", async () => {
    const admin = await actorFor(db, "admin@acme.test");
    const tenant = admin.viewer.tenant.id;
    const muller = await grantsOf(tenant, "Muller Boiler Group", "user");
    expect(muller.length).toBeGreaterThan(0);
    await updateGrants(db, admin, { orgId: admin.org.id, roles: [{ role: "user", grants: ["own_devices.view"] }], propagate: "changed", confirm: "APPLY" });
    expect(await grantsOf(tenant, "Muller Boiler Group", "user")).toEqual([...new Set([...muller, "own_devices.view"])].sort());
    await updateGrants(db, admin, { orgId: admin.org.id, roles: [{ role: "user", grants: ["own_devices.view"] }], propagate: "overwrite", confirm: "APPLY" });
    expect(await grantsOf(tenant, "Muller Boiler Group", "user")).toEqual(["own_devices.view"]);
    expect(await grantsOf(tenant, "Hill Cottage", "user")).toEqual(["own_devices.view"]);
  });

  it("takes effect on the affected users' next request", async () => {
    const admin = await actorFor(db, "admin@acme.test");
    const filters = userFiltersSchema.parse({});
    await expect(listUsers(db, await actorFor(db, "user@acme.test"), { filters, sort: { key: "name", dir: "asc" }, size: 5 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await updateGrants(db, admin, { orgId: admin.org.id, roles: [{ role: "user", grants: ["users.view"] }] });
    const page = await listUsers(db, await actorFor(db, "user@acme.test"), { filters, sort: { key: "name", dir: "asc" }, size: 5 });
    expect(page.rows.length).toBeGreaterThan(0);
  });

  it("refuses Staff, the free plan, a missing APPLY, an unknown permission, and Admins losing the Roles page", async () => {
    const admin = await actorFor(db, "admin@acme.test");
    const staff = await actorFor(db, "staff@acme.test");
    const globex = await actorFor(db, "admin@globex.test");
    const tenant = admin.viewer.tenant.id;
    const before = await grantsOf(tenant, "Acme Heating", "user");
    const cases: [typeof admin, object, string][] = [
      [staff, { orgId: staff.org.id, roles: [{ role: "user", grants: ["own_devices.view"] }] }, "FORBIDDEN"],
      [globex, { orgId: globex.org.id, roles: [{ role: "user", grants: ["own_devices.view"] }] }, "FORBIDDEN"],
      [admin, { orgId: admin.org.id, roles: [{ role: "user", grants: ["own_devices.view"] }], propagate: "overwrite" }, "INVALID"],
      [admin, { orgId: admin.org.id, roles: [{ role: "user", grants: ["devices.fly"] }] }, "INVALID"],
      [admin, { orgId: admin.org.id, roles: [{ role: "admin", grants: ["users.view"] }] }, "CONFLICT"],
      [admin, { orgId: admin.org.id, roles: [{ role: "ghost", grants: [] }] }, "NOT_FOUND"],
    ];
    for (const [actor, input, code] of cases) {
      expect((await refusedWithoutChange(db, () => updateGrants(db, actor, input))).code).toBe(code);
    }
    expect(await grantsOf(tenant, "Acme Heating", "user")).toEqual(before);
  });
});
