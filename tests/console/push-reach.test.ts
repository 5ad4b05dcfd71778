import { beforeEach, describe, expect, it } from "vitest";
import { and, eq, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { organizations } from "@/db/schema";
import { loadGrants } from "@/lib/orgs/resolve";
import { pushReach } from "@/lib/roles/push-reach";

import { actorFor, orgIdByName } from "../helpers/actors";
import { freshDemoDb } from "../helpers/db";
import { updateGrants } from "../helpers/commands";

let db: Db;
beforeEach(async () => {
  db = await freshDemoDb();
});

/** The orgs of the tenant, other than `exceptId`, where `role` holds exactly `grants`. */
async function orgsHolding(tenantId: string, exceptId: string, role: string, grants: string[]) {
  const orgs = await db.select({ id: organizations.id }).from(organizations).where(and(eq(organizations.tenantId, tenantId), ne(organizations.id, exceptId)));
  const held = await Promise.all(orgs.map(async (o) => [...(await loadGrants(db, tenantId, o.id, role))].sort().join()));
  return held.filter((h) => h === [...grants].sort().join()).length;
}

describe("how many sub-organizations a push of grants reaches", () => {
  it("counts the orgs below the actor's org, exactly those the push then writes to", async () => {
    const admin = await actorFor(db, "admin@acme.test");
    const reach = await pushReach(db, admin);
    expect(reach).toBe(4); // Muller, United, and United's Marsh and Hill
    await updateGrants(db, admin, { orgId: admin.org.id, roles: [{ role: "user", grants: ["org_devices.delete"] }], propagate: "overwrite", confirm: "APPLY" });
    expect(await orgsHolding(admin.viewer.tenant.id, admin.org.id, "user", ["org_devices.delete", "org_devices.view"])).toBe(reach);
  });

  it("counts only the actor's subtree: a sub-org's own children, never its parent or siblings", async () => {
    const united = await actorFor(db, "admin@acme.test", await orgIdByName(db, "United Heaters Inc."));
    expect(await pushReach(db, united)).toBe(2);
    expect(await pushReach(db, await actorFor(db, "admin@acme.test", await orgIdByName(db, "Hill Cottage")))).toBe(0);
  });

  it("never counts another tenant's orgs", async () => {
    expect(await pushReach(db, await actorFor(db, "admin@initech.test"))).toBe(2);
  });

  it("answers only a viewer who may edit grants (free Globex may not)", async () => {
    await expect(pushReach(db, await actorFor(db, "admin@globex.test"))).rejects.toThrow("Permissions are locked");
  });
});
