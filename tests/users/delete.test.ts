import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { devices, sessions, users, userTokens } from "@/db/schema";

import { actorFor } from "../helpers/actors";
import { freshDemoDb } from "../helpers/db";
import { userByEmail } from "../helpers/demo";
import { auditOf, idOf, invite, MULLER_ADMIN, mullerAdmin, openSession, randomId } from "../helpers/fixtures";
import { refusedWithoutChange, snapshot, refusalWithoutChange } from "../helpers/snapshot";
import { deleteUsers } from "../helpers/commands";

let db: Db;
beforeEach(async () => {
  db = await freshDemoDb();
});

const deleteAs = async (actorEmail: string, emails: string[], extra: Record<string, unknown> = {}) => {
  const actor = await actorFor(db, actorEmail);
  return deleteUsers(db, actor, { orgId: actor.org.id, userIds: await Promise.all(emails.map((e) => idOf(db, e))), confirm: "DELETE", ...extra });
};
const deviceNamed = async (name: string) => (await db.select().from(devices).where(eq(devices.name, name)))[0];

describe("delete users", () => {
  it("deletes the user; their devices pass to the acting Admin; the audit row outlives them", async () => {
    const w = await userByEmail(db, "w@muller.test");
    await openSession(db, "w@muller.test");
    expect(await deleteAs("admin@acme.test", ["w@muller.test"])).toEqual({ done: [w.id], skipped: [] });
    expect(await db.select().from(users).where(eq(users.id, w.id))).toEqual([]);
    expect(await db.select().from(sessions).where(eq(sessions.userId, w.id))).toEqual([]);
    expect(await deviceNamed("Boiler")).toMatchObject({ ownerId: await idOf(db, "admin@acme.test") });
    const audit = await auditOf(db, w.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "user_deleted", targetLabel: "w@muller.test", before: { name: "Walter Muller", org: "Muller Boiler Group" }, after: { devices: "to admin@acme.test" } });
  });

  it("or leaves the devices without an owner, never deleting them", async () => {
    const before = await snapshot(db);
    await deleteAs("admin@acme.test", ["m@united.test"], { devices: "unowned" });
    expect(await deviceNamed("Pool Heater")).toMatchObject({ ownerId: null });
    expect((await snapshot(db)).devices).toHaveLength(before.devices.length);
  });

  it("takes the invited user's pending token with them", async () => {
    const { userId } = await invite(db, "admin@acme.test", { email: "pending@acme.test" });
    await deleteAs("admin@acme.test", ["pending@acme.test"]);
    expect(await db.select().from(userTokens).where(eq(userTokens.userId, userId))).toEqual([]);
  });

  it.each([
    // Without the permission the whole request is refused before anyone is looked up.
    ["Staff (no users.delete)", "staff@acme.test", "user@acme.test", true],
    ["a User", "user@acme.test", "staff@acme.test", true],
    ["an Admin on themselves", "admin@acme.test", "admin@acme.test", false],
  ])("refuses %s with FORBIDDEN and no change", async (_label, actor, target, upFront) => {
    expect(await refusalWithoutChange(db, () => deleteAs(actor, [target]))).toEqual({ code: "FORBIDDEN", upFront });
  });

  it.each([
    ["no confirmation", { confirm: undefined }],
    ["a lower-case confirmation", { confirm: "delete" }],
    ["an unknown device option", { devices: "destroy" }],
    ["1001 ids", { userIds: Array.from({ length: 1001 }, () => crypto.randomUUID()) }],
    ["no ids", { userIds: [] }],
    ["ids and 'all matching' together", { matching: { q: "" } }],
  ])("refuses %s with INVALID and no change", async (_label, extra) => {
    const error = await refusedWithoutChange(db, () => deleteAs("admin@acme.test", ["user@acme.test"], extra));
    expect(error.code).toBe("INVALID");
  });

  it("keeps the last Admin of an org; in bulk deletes the others", async () => {
    await mullerAdmin(db);
    const result = await deleteAs("admin@acme.test", [MULLER_ADMIN, "r@muller.test", "w@muller.test"]);
    expect(result.done).toHaveLength(2);
    expect(result.skipped).toEqual([{ id: await idOf(db, MULLER_ADMIN), name: "Bea Boss", reason: "Muller Boiler Group would be left without an Admin", code: "CONFLICT", refusal: "LAST_ADMIN" }]);
  });

  it("bulk: mixed rows come back as done and skipped, foreign ids as 'Unknown user'", async () => {
    const globex = await idOf(db, "admin@globex.test");
    const unknown = randomId();
    const actor = await actorFor(db, "admin@acme.test");
    const ids = [await idOf(db, "r@muller.test"), await idOf(db, "h@united.test"), actor.viewer.userId, globex, unknown];
    const result = await deleteUsers(db, actor, { orgId: actor.org.id, userIds: ids, confirm: "DELETE" });
    expect(result.done.sort()).toEqual([ids[0], ids[1]].sort());
    const skipped = new Map(result.skipped.map((s) => [s.id, s]));
    expect(skipped.get(actor.viewer.userId)?.code).toBe("FORBIDDEN");
    expect(skipped.get(globex)).toEqual({ id: globex, name: "Unknown user", reason: "Not found", code: "NOT_FOUND", refusal: "NOT_FOUND" });
    expect(skipped.get(unknown)).toEqual({ id: unknown, name: "Unknown user", reason: "Not found", code: "NOT_FOUND", refusal: "NOT_FOUND" });
    expect(await userByEmail(db, "admin@globex.test")).toBeTruthy();
  });

  it("bulk: every device of every deleted user passes to the Admin, and each user's device count stays exact", async () => {
    const actor = await actorFor(db, "admin@acme.test");
    const owners = await Promise.all(["r@muller.test", "w@muller.test", "h@united.test"].map((e) => idOf(db, e)));
    const [{ n: adminBefore } = { n: -1 }] = (await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM devices WHERE owner_id = ${actor.viewer.userId}::uuid`)).rows;
    await db.execute(sql`
      INSERT INTO devices (tenant_id, org_id, owner_id, name)
      SELECT ${actor.viewer.tenant.id}::uuid, ${actor.org.id}::uuid, (${sql.param(owners)}::uuid[])[1 + g % 3], 'Handed over ' || g
      FROM generate_series(1, 30) AS g`);
    const [{ n: ownedBefore } = { n: -1 }] = (await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM devices WHERE owner_id = ANY(${sql.param(owners)}::uuid[])`)).rows;

    const result = await deleteUsers(db, actor, { orgId: actor.org.id, userIds: owners, devices: "to_me", confirm: "DELETE" });

    expect(result.done.sort()).toEqual([...owners].sort());
    const [{ n: adminAfter } = { n: -1 }] = (await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM devices WHERE owner_id = ${actor.viewer.userId}::uuid`)).rows;
    expect(adminAfter).toBe(adminBefore + ownedBefore);
    expect((await userByEmail(db, "admin@acme.test")).deviceCount).toBe(adminAfter);
    const wrong = await db.execute(sql`SELECT u.email FROM users u LEFT JOIN devices d ON d.owner_id = u.id GROUP BY u.id HAVING u.device_count <> count(d.id)`);
    expect(wrong.rows).toEqual([]);
    expect((await db.execute(sql`SELECT 1 FROM devices WHERE name LIKE 'Handed over %' AND owner_id IS NULL`)).rows).toEqual([]);
  });

  it("'all matching' in reach deletes only this tenant's users; the other tenants' people and devices stay", async () => {
    const actor = await actorFor(db, "admin@acme.test");
    const globexBefore = (await snapshot(db)).devices.filter((d) => d.includes("Water Heater"));
    const result = await deleteUsers(db, actor, { orgId: actor.org.id, matching: { q: "", scope: "reach" }, devices: "unowned", confirm: "DELETE" });
    expect(result.done).toHaveLength(6);
    expect(result.skipped.map((s) => s.id)).toEqual([actor.viewer.userId]);
    expect(await userByEmail(db, "admin@globex.test")).toBeTruthy();
    expect((await snapshot(db)).devices.filter((d) => d.includes("Water Heater"))).toEqual(globexBefore);
    const remaining = await db.select({ email: users.email }).from(users);
    expect(remaining.map((r) => r.email).sort()).toEqual(["admin@acme.test", "admin@globex.test", "admin@initech.test", "d@northwind.test", "i@contoso.test", "tech@initech.test"]);
  });
});
