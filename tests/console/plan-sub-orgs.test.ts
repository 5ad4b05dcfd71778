// A plan that cannot have sub-organizations (free, plus) is not offered what only they would
// fill: the org switcher and "All in reach" (the same predicate the layout and the users page use).
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { may, planHasSubOrgs, reachesBelowOwnOrg } from "@/lib/policy";
import { bulkPermissions } from "@/lib/users/table-rows";
import { actorFor } from "../helpers/actors";
import { freshDemoDb } from "../helpers/db";

let db: Db;
beforeEach(async () => {
  db = await freshDemoDb();
});

describe("sub-org affordances follow the plan", () => {
  it("Globex's Admin (free) holds Switch to sub-organizations, yet gets no switcher and no All in reach", async () => {
    const { policy } = await actorFor(db, "admin@globex.test");
    expect(may(policy, "orgs.switch")).toBe(true);
    expect(reachesBelowOwnOrg(policy)).toBe(true);
    expect(planHasSubOrgs(policy.plan)).toBe(false);
    expect(bulkPermissions(policy).reach).toBe(false);
  });

  it("Acme's Admin (pro) gets both", async () => {
    const { policy } = await actorFor(db, "admin@acme.test");
    expect(planHasSubOrgs(policy.plan)).toBe(true);
    expect(bulkPermissions(policy).reach).toBe(true);
  });
});
