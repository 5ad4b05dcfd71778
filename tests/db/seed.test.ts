import { count, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { devices, organizations, tenants, users } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { freshDemoDb } from "../helpers/db";
import { userByEmail } from "../helpers/demo";
import { DEMO_PASSWORD, DEMO_PASSWORD_HASH } from "@/db/seed";
import { needsRehash, verifyPassword } from "@/lib/auth/password";

let db: Db;
beforeAll(async () => {
  db = await freshDemoDb();
});

async function counts() {
  const [t] = await db.select({ n: count() }).from(tenants);
  const [o] = await db.select({ n: count() }).from(organizations);
  const [u] = await db.select({ n: count() }).from(users);
  const [d] = await db.select({ n: count() }).from(devices);
  return { tenants: t!.n, orgs: o!.n, users: u!.n, devices: d!.n };
}

describe("demo seed", () => {
  it("creates the demo tenants of product.md §7 and a business tenant", async () => {
    expect(await counts()).toEqual({ tenants: 3, orgs: 9, users: 12, devices: 7 });
    const plans = await db.select({ name: tenants.name, plan: tenants.plan }).from(tenants).orderBy(tenants.name);
    expect(plans).toEqual([
      { name: "Acme Heating", plan: "pro" },
      { name: "Globex", plan: "free" },
      { name: "Initech Climate", plan: "business" },
    ]);
  });

  it("is idempotent", async () => {
    const before = await counts();
    expect((await seedDemo(db)).created).toEqual([]);
    expect(await counts()).toEqual(before);
  });

  it("gives each persona the documented org and role", async () => {
    const admin = await userByEmail(db, "admin@acme.test");
    expect(admin).toMatchObject({ role: "admin", developerMode: true });
    expect((await userByEmail(db, "staff@acme.test")).role).toBe("staff");
    expect((await userByEmail(db, "user@acme.test")).role).toBe("user");
    const r = await userByEmail(db, "r@muller.test");
    const m = await userByEmail(db, "m@united.test");
    const h = await userByEmail(db, "h@united.test");
    expect(r.orgId).toBe((await userByEmail(db, "w@muller.test")).orgId);
    expect(m.orgId).not.toBe(h.orgId);
    expect(m.tenantId).toBe(admin.tenantId);
    expect((await userByEmail(db, "admin@globex.test")).tenantId).not.toBe(admin.tenantId);
  });

  it("stores the org tree as a materialized path with depth", async () => {
    const m = await userByEmail(db, "m@united.test");
    const [org] = await db.select().from(organizations).where(sql`${organizations.id} = ${m.orgId}`);
    expect(org!.depth).toBe(3);
    expect(org!.path.split("/").filter(Boolean)).toHaveLength(3);
    expect(org!.path.startsWith(`${m.tenantId}/`)).toBe(true);
  });

  it("keeps users.device_count in step with device owners (trigger)", async () => {
    expect((await userByEmail(db, "m@united.test")).deviceCount).toBe(1);
    expect((await userByEmail(db, "staff@acme.test")).deviceCount).toBe(0);
  });

  it("refuses a second account with the same email in another case", async () => {
    const admin = await userByEmail(db, "admin@acme.test");
    await expect(
      db.insert(users).values({ tenantId: admin.tenantId, orgId: admin.orgId, email: "ADMIN@acme.test", name: "Dup", role: "user" }),
    ).rejects.toThrow();
  });

  it("keeps the audit log append-only", async () => {
    await db.execute(sql`INSERT INTO audit_log (action) VALUES ('test_event')`);
    // Drizzle wraps the driver's error; the trigger's message is its cause.
    const appendOnly = { cause: expect.objectContaining({ message: expect.stringMatching(/append-only/) }) };
    await expect(db.execute(sql`UPDATE audit_log SET action = 'changed'`)).rejects.toMatchObject(appendOnly);
    await expect(db.execute(sql`DELETE FROM audit_log`)).rejects.toMatchObject(appendOnly);
  });
});

describe("the demo password's stored hash", () => {
  it("is DEMO_PASSWORD under today's argon2id parameters", async () => {
    expect(await verifyPassword(DEMO_PASSWORD_HASH, DEMO_PASSWORD)).toBe(true);
    expect(needsRehash(DEMO_PASSWORD_HASH)).toBe(false);
  });
});
