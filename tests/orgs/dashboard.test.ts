// The admin's overview (issue 20 item 22): each figure is the total of the list it links to,
// with that list's own filters, scoped to the tenant and the org's subtree.
import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import type { Actor } from "@/lib/commands/actor";
import { listDevices } from "@/lib/devices/list";
import { orgDashboard, RECENT_ACTIVITY } from "@/lib/orgs/dashboard";
import { devicesList } from "@/lib/table/devices";
import { usersList } from "@/lib/table/users";
import { listUsers } from "@/lib/users/list";
import { actorFor, orgIdByName } from "../helpers/actors";
import { createDevice, suspendUsers } from "../helpers/commands";
import { freshDemoDb } from "../helpers/db";
import { idOf, invite } from "../helpers/fixtures";

let db: Db;
beforeEach(async () => {
  db = await freshDemoDb();
});

/** What the users or devices page shows at the figure's link: its total, read as the page reads its URL. */
async function totalAtLink(actor: Actor, href: string): Promise<number> {
  const url = new URL(href, "http://roster.test");
  if (url.pathname.endsWith("/users")) {
    const { url: state, filters } = usersList.read(url.searchParams);
    return (await listUsers(db, actor, { filters, sort: { key: state.sort, dir: state.dir }, size: state.size })).total;
  }
  const { url: state, filters } = devicesList.read(url.searchParams);
  return (await listDevices(db, actor, { ...filters, sort: state.sort, dir: state.dir, page: 1, size: state.size }))!.total;
}

async function figures(actor: Actor) {
  const dashboard = (await orgDashboard(db, actor))!;
  return Object.fromEntries(dashboard.counts.map((c) => [c.key, c.total]));
}

describe("the overview's dashboard", () => {
  it("counts what its links list, across the org's subtree, for the root Admin", async () => {
    // Something of each kind: pending in the root and in a sub-org, one suspended below,
    // one who last logged in long ago, a device nobody owns in a sub-org.
    await invite(db, "admin@acme.test", { email: "p1@acme.test" });
    await invite(db, "admin@acme.test", { email: "p2@acme.test", orgName: "Muller Boiler Group" });
    const admin = await actorFor(db, "admin@acme.test");
    await suspendUsers(db, admin, { orgId: admin.org.id, userIds: [await idOf(db, "w@muller.test")] });
    await db.update(users).set({ lastLoginAt: new Date(Date.now() - 90 * 86_400_000) }).where(eq(users.email, "staff@acme.test"));
    await createDevice(db, await actorFor(db, "admin@acme.test", await orgIdByName(db, "Hill Cottage")), { orgId: await orgIdByName(db, "Hill Cottage"), name: "Spare Thermostat", model: "" });
    // Another tenant's pending invitation counts nowhere here.
    await invite(db, "admin@globex.test", { email: "p3@globex.test" });

    const dashboard = (await orgDashboard(db, admin))!;
    expect(dashboard.scope).toBe("reach");
    expect(dashboard.subOrgs).toBe(4); // Muller, United and its two clients
    expect(dashboard.counts.map((c) => c.key)).toEqual(["pending", "suspended", "inactive", "no-owner"]);
    for (const c of dashboard.counts) {
      expect(c.total, c.label).toBeGreaterThan(0);
      expect(await totalAtLink(admin, c.href), c.label).toBe(c.total);
    }
    expect(dashboard.counts.find((c) => c.key === "pending")!.href).toMatch(/\/users\?status=pending&scope=reach$/);
    expect(dashboard.counts.find((c) => c.key === "no-owner")!.href).toMatch(/\/devices\?scope=reach&noowner=true$/);

    const pendingInTenant = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM users WHERE tenant_id = ${admin.viewer.tenant.id} AND accepted_at IS NULL AND suspended_at IS NULL`);
    expect((await figures(admin)).pending).toBe(pendingInTenant.rows[0]!.n);
  });

  it("counts a sub-org's subtree only, when the Admin is looking at that sub-org", async () => {
    await invite(db, "admin@acme.test", { email: "p1@acme.test" });
    await invite(db, "admin@acme.test", { email: "p2@acme.test", orgName: "Muller Boiler Group" });
    const inMuller = await actorFor(db, "admin@acme.test", await orgIdByName(db, "Muller Boiler Group"));
    const dashboard = (await orgDashboard(db, inMuller))!;
    // Muller has no sub-orgs: its own members, as "This organization" lists them.
    expect(dashboard.scope).toBe("org");
    expect((await figures(inMuller)).pending).toBe(1);
    for (const c of dashboard.counts) expect(await totalAtLink(inMuller, c.href), c.label).toBe(c.total);
  });

  it("is no dashboard for a viewer who may not see users", async () => {
    expect(await orgDashboard(db, await actorFor(db, "r@muller.test"))).toBeNull();
    expect(await orgDashboard(db, await actorFor(db, "m@united.test"))).toBeNull();
  });

  it("shows the newest audit rows of the tenant's subtree, at most a handful", async () => {
    for (let i = 0; i < RECENT_ACTIVITY + 2; i++) await invite(db, "admin@acme.test", { email: `a${i}@acme.test` });
    await invite(db, "admin@globex.test", { email: "late@globex.test" });
    const { activity } = (await orgDashboard(db, await actorFor(db, "admin@acme.test")))!;
    expect(activity).toHaveLength(RECENT_ACTIVITY);
    expect(activity!.map((r) => r.targetLabel)).not.toContain("late@globex.test");
    expect(activity![0]!.targetLabel).toContain(`a${RECENT_ACTIVITY + 1}@acme.test`);
    const ids = activity!.map((r) => r.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });
});
