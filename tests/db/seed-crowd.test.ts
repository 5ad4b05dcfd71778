// The generated people of demo mode (issue 20 item 24): a few hundred in Acme's subtree, the
// same on every machine, the personas untouched, within the tenant's limits, and no login.
import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { tenants, users } from "@/db/schema";
import { CROWD_SIZE, seedDemoCrowd } from "@/db/seed-crowd";
import { DEMO_PASSWORD, seedDemoMode } from "@/db/seed";
import { verifyPassword } from "@/lib/auth/password";
import { planLimits } from "@/lib/policy";
import { statusOf } from "@/lib/users/filters";
import { freshDemoDb } from "../helpers/db";

let db: Db;
beforeEach(async () => {
  db = await freshDemoDb();
});

const PERSONA_EMAILS = ["admin@acme.test", "staff@acme.test", "user@acme.test", "r@muller.test", "w@muller.test", "m@united.test", "h@united.test"];

/** Everyone of Acme as the users table would show them, in a stable order. */
async function acmePeople() {
  const { rows } = await db.execute<{ email: string; name: string; role: string; org: string; accepted_at: Date | null; last_login_at: Date | null; suspended_at: Date | null; location_name: string | null; device_count: number; tags: number }>(sql`
    SELECT u.email, u.name, u.role, o.name AS org, u.accepted_at, u.last_login_at, u.suspended_at, u.location_name, u.device_count,
      (SELECT count(*)::int FROM user_tags t WHERE t.user_id = u.id) AS tags
    FROM users u JOIN organizations o ON o.id = u.org_id JOIN tenants t ON t.id = u.tenant_id
    WHERE t.name = 'Acme Heating' ORDER BY u.email`);
  return rows;
}

describe("the demo crowd", () => {
  it("adds a few hundred people across Acme's orgs, with every status, locations, tags and devices", async () => {
    const start = performance.now();
    expect(await seedDemoCrowd(db)).toBe(CROWD_SIZE);
    // Fast enough for a first start: no password is hashed.
    expect(performance.now() - start).toBeLessThan(10_000);
    const people = (await acmePeople()).filter((p) => !PERSONA_EMAILS.includes(p.email));
    expect(people).toHaveLength(CROWD_SIZE);
    const asDate = (d: Date | string | null) => (d === null ? null : new Date(d));
    const statuses = new Set(people.map((p) => statusOf({ acceptedAt: asDate(p.accepted_at), lastLoginAt: asDate(p.last_login_at), suspendedAt: asDate(p.suspended_at) })));
    expect([...statuses].sort()).toEqual(["active", "inactive", "pending", "suspended"]);
    expect(new Set(people.map((p) => p.org))).toEqual(new Set(["Acme Heating", "Muller Boiler Group", "United Heaters Inc.", "Marsh Residence", "Hill Cottage"]));
    expect(new Set(people.map((p) => p.role))).toEqual(new Set(["staff", "user"]));
    expect(people.filter((p) => p.location_name).length).toBeGreaterThan(CROWD_SIZE / 2);
    expect(people.filter((p) => p.tags > 0).length).toBeGreaterThan(CROWD_SIZE / 5);
    expect(people.filter((p) => p.device_count > 0).length).toBeGreaterThan(CROWD_SIZE / 5);
    // Accepted ⇒ logged in (the schema's invariant); pending ⇒ never.
    for (const p of people) expect(p.accepted_at === null, p.email).toBe(p.last_login_at === null);
  });

  it("leaves the personas exactly as they were, and stays within the tenant's user limit", async () => {
    const before = (await acmePeople()).filter((p) => PERSONA_EMAILS.includes(p.email));
    await seedDemoCrowd(db);
    expect((await acmePeople()).filter((p) => PERSONA_EMAILS.includes(p.email))).toEqual(before);
    const [acme] = await db.select().from(tenants).where(eq(tenants.name, "Acme Heating"));
    expect(acme!.plan).toBe("pro");
    expect((await acmePeople()).length).toBeLessThanOrEqual(planLimits(acme!.plan, acme!.limitsOverride).maxUsers);
  });

  it("is the same people on every run", async () => {
    await seedDemoCrowd(db);
    const first = (await acmePeople()).map((p) => [p.email, p.name, p.role, p.org, p.location_name, p.device_count, p.tags, p.accepted_at === null, p.suspended_at === null]);
    db = await freshDemoDb();
    await seedDemoCrowd(db);
    const second = (await acmePeople()).map((p) => [p.email, p.name, p.role, p.org, p.location_name, p.device_count, p.tags, p.accepted_at === null, p.suspended_at === null]);
    expect(second).toEqual(first);
  });

  it("gives nobody a password that logs in", async () => {
    await seedDemoCrowd(db);
    const hashes = await db.selectDistinct({ hash: users.passwordHash }).from(users).where(sql`${users.email} NOT IN (${sql.join(PERSONA_EMAILS.map((e) => sql`${e}`), sql`, `)}) AND ${users.email} LIKE '%.%@%'`);
    const real = hashes.map((h) => h.hash).filter((h): h is string => h !== null);
    expect(real).toHaveLength(1);
    expect(await verifyPassword(real[0]!, DEMO_PASSWORD)).toBe(false);
  });

  it("comes with the demo tenants only when they are created, never into a database that has them", async () => {
    expect(await seedDemoMode(db)).toEqual({ created: [], people: 0 });
    expect((await acmePeople()).length).toBe(PERSONA_EMAILS.length);
  });
});
