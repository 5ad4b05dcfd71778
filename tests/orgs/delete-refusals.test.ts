// The organizations page says why an org cannot be deleted before any typing (notEmptyReasons),
// from the tree's counts; the delete command refuses exactly those orgs, in the same words.
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { organizations } from "@/db/schema";
import { notEmptyReasons, subtree } from "@/lib/orgs/tree";
import { actorFor, orgIdByName } from "../helpers/actors";
import { freshDemoDb } from "../helpers/db";
import { invite } from "../helpers/fixtures";
import { refusedWithoutChange } from "../helpers/snapshot";
import { deleteOrg } from "../helpers/commands";

let db: Db;
beforeEach(async () => {
  db = await freshDemoDb();
});

describe("notEmptyReasons", () => {
  it("names what each org holds, as the delete command refuses it, and nothing for an empty org", async () => {
    const admin = await actorFor(db, "admin@acme.test");
    // A pending invitation is a user the org still holds.
    await invite(db, "admin@acme.test", { email: "pending@united.test", orgName: "United Heaters Inc." });
    const reasons = notEmptyReasons(await subtree(db, admin.viewer.tenant.id, admin.org.path));
    expect(reasons.get(await orgIdByName(db, "Muller Boiler Group"))).toBe("Muller Boiler Group still has 2 users, 2 devices; move or delete them first.");
    expect(reasons.get(await orgIdByName(db, "United Heaters Inc."))).toBe("United Heaters Inc. still has 1 user, 2 sub-organizations; move or delete them first.");

    for (const [targetOrgId, reason] of reasons) {
      if (targetOrgId === admin.org.id) continue; // the root is refused earlier, for being the root
      const refused = await refusedWithoutChange(db, () => deleteOrg(db, admin, { orgId: admin.org.id, targetOrgId, confirm: "DELETE" }));
      expect({ refusal: refused.refusal, message: refused.message }).toEqual({ refusal: "ORG_NOT_EMPTY", message: reason });
    }
  });

  it("has no reason for an empty org, which the command then deletes", async () => {
    const admin = await actorFor(db, "admin@acme.test");
    const united = await orgIdByName(db, "United Heaters Inc.");
    const [parent] = await db.select().from(organizations).where(eq(organizations.id, united));
    const [empty] = await db.insert(organizations).values({ tenantId: admin.viewer.tenant.id, parentId: united, path: "", depth: 3, name: "Empty One", type: "client" }).returning();
    await db.update(organizations).set({ path: `${parent!.path}${empty!.id}/` }).where(eq(organizations.id, empty!.id));

    const reasons = notEmptyReasons(await subtree(db, admin.viewer.tenant.id, admin.org.path));
    expect(reasons.has(empty!.id)).toBe(false);
    expect(reasons.get(united)).toBe("United Heaters Inc. still has 3 sub-organizations; move or delete them first.");
    await deleteOrg(db, admin, { orgId: admin.org.id, targetOrgId: empty!.id, confirm: "DELETE" });
    expect(await db.select().from(organizations).where(eq(organizations.id, empty!.id))).toEqual([]);
  });
});
