// Send Device Log (issue 21): the command queues a mail to the acting person with an attachment
// spec and audits it on the target; refusals change nothing; the rate limit of 10 an hour per
// sender holds sequentially and under real concurrent transactions (Postgres).
import { and, eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, outbox, roleGrants, roles } from "@/db/schema";
import type { Actor } from "@/lib/commands/actor";
import { DomainError } from "@/lib/errors";
import type { Permission } from "@/lib/policy";
import { DEVICE_LOGS_PER_HOUR } from "@/lib/users/commands/send-device-log";
import { userFiltersSchema } from "@/lib/users/filters";
import { listUsers } from "@/lib/users/list";
import { rowActions } from "@/lib/users/page-data";
import { actorFor } from "../helpers/actors";
import { freshDemoDb } from "../helpers/db";
import { auditOf, emailsTo, idOf, mullerAdmin, randomId } from "../helpers/fixtures";
import { describeError, describePostgres, fulfilled, race, rejected, tally } from "../helpers/race";
import { refusedWithoutChange } from "../helpers/snapshot";
import { sendDeviceLog } from "../helpers/commands";

let db: Db;
let rita: string;

beforeEach(async () => {
  db = await freshDemoDb();
  rita = await idOf(db, "r@muller.test");
});

const send = (actor: Actor, userId: string, days = 30) => sendDeviceLog(db, actor, { orgId: actor.org.id, userId, days });

/** Takes a permission from a built-in role in every org of the tenant (a stored set that lost it). */
async function revoke(actor: Actor, roleKey: string, permission: Permission): Promise<void> {
  const [role] = await db.select({ id: roles.id }).from(roles).where(and(eq(roles.tenantId, actor.viewer.tenant.id), eq(roles.key, roleKey)));
  await db.delete(roleGrants).where(and(eq(roleGrants.roleId, role!.id), eq(roleGrants.permission, permission)));
}

/** Audit rows of earlier sends by `actorId`, `minutesAgo` old: the rate limit's history. */
async function earlierSends(actor: Actor, n: number, minutesAgo: number): Promise<void> {
  if (n === 0) return;
  await db.insert(auditLog).values(
    Array.from({ length: n }, () => ({
      tenantId: actor.viewer.tenant.id,
      actorId: actor.viewer.userId,
      actorEmail: actor.viewer.email,
      action: "device_log_sent",
      targetType: "user",
      targetId: rita,
      createdAt: sql`now() - make_interval(mins => ${minutesAgo})`,
    })),
  );
}

describe("sendDeviceLog: allowed", () => {
  it("queues one mail to the acting person (not the target) with the attachment spec, and audits it on the target", async () => {
    const alice = await actorFor(db, "admin@acme.test");
    const before = Date.now();
    const result = await send(alice, rita, 30);
    expect(result).toEqual({ to: "admin@acme.test" });

    const [mail, ...more] = await emailsTo(db, "admin@acme.test");
    expect(more).toEqual([]);
    expect(await emailsTo(db, "r@muller.test")).toEqual([]);
    expect(mail).toMatchObject({ kind: "device_log", status: "pending", tenantId: alice.viewer.tenant.id });
    expect(mail!.subject).toBe("Device log of Rita Muller, last 30 days");
    expect(mail!.textBody).toContain("Rita Muller <r@muller.test>");
    const spec = mail!.attachment as Record<string, string | number>;
    expect(spec).toMatchObject({ kind: "device_log", tenantId: alice.viewer.tenant.id, orgId: alice.org.id, actorId: alice.viewer.userId, targetUserId: rita, days: 30 });
    const until = Date.parse(spec.until as string);
    expect(until).toBeGreaterThanOrEqual(before);
    expect(until - Date.parse(spec.since as string)).toBe(30 * 86_400_000);

    const [row, ...others] = await auditOf(db, rita, "device_log_sent");
    expect(others).toEqual([]);
    expect(row).toMatchObject({ actorId: alice.viewer.userId, targetType: "user", targetLabel: "r@muller.test", targetName: "Rita Muller", after: { days: 30, to: "admin@acme.test" } });
  });

  it("lets Staff send one (Admin and Staff hold the permission by default), and anyone their own", async () => {
    const staff = await actorFor(db, "staff@acme.test");
    await send(staff, rita, 7);
    await send(staff, staff.viewer.userId, 90);
    expect((await emailsTo(db, "staff@acme.test")).map((m) => (m.attachment as { days: number }).days)).toEqual([7, 90]);
  });
});

describe("sendDeviceLog: refused, nothing changed", () => {
  // Staff without one of the three: the permission itself, or one it needs (a stored grant set
  // that lost a dependency). "View users" is checked before anyone is looked up.
  it.each<[Permission, RegExp]>([
    ["users.send_device_log", /"Send device logs"/],
    ["org_devices.view", /"View organization devices"/],
    ["users.view", /"View users"/],
  ])("without %s: FORBIDDEN, naming it", async (permission, named) => {
    await revoke(await actorFor(db, "staff@acme.test"), "staff", permission);
    const staff = await actorFor(db, "staff@acme.test");
    const error = await refusedWithoutChange(db, () => send(staff, rita));
    expect(error).toMatchObject({ code: "FORBIDDEN", refusal: "MISSING_PERMISSION" });
    expect(error.message).toMatch(named);
  });

  it("a User, who may not see users: FORBIDDEN before anyone is looked up", async () => {
    const error = await refusedWithoutChange(db, async () => send(await actorFor(db, "user@acme.test"), rita));
    expect(error).toMatchObject({ code: "FORBIDDEN" });
  });

  it("a target outside the viewer's reach (a sub-org Admin on the parent's Staff): NOT_FOUND, like an unknown id", async () => {
    const boss = await mullerAdmin(db);
    const staffId = await idOf(db, "staff@acme.test");
    const above = await refusedWithoutChange(db, () => send(boss, staffId));
    const unknown = await refusedWithoutChange(db, () => send(boss, randomId()));
    expect(above).toMatchObject({ code: "NOT_FOUND", refusal: "NOT_FOUND", message: "Not found" });
    expect({ ...above, stack: null }).toEqual({ ...unknown, stack: null });
  });

  it("another tenant's user: NOT_FOUND, worded like a random id", async () => {
    const gil = await actorFor(db, "admin@globex.test");
    const foreign = await refusedWithoutChange(db, () => send(gil, rita));
    expect(foreign).toMatchObject({ code: "NOT_FOUND", refusal: "NOT_FOUND", message: "Not found" });
  });

  it.each<[string, Record<string, unknown>]>([
    ["8 days", { days: 8 }],
    ["days as a string", { days: "30" }],
    ["no days", { days: undefined }],
    ["no userId", { userId: undefined }],
    ["a userId that is not a uuid", { userId: "me" }],
    ["a recipient", { to: "evil@example.test" }],
  ])("bad input (%s): INVALID", async (_label, patch) => {
    const alice = await actorFor(db, "admin@acme.test");
    const error = await refusedWithoutChange(db, () => sendDeviceLog(db, alice, { orgId: alice.org.id, userId: rita, days: 30, ...patch }));
    expect(error.code).toBe("INVALID");
  });
});

describe("the row menu (security.md A8)", () => {
  const offered = async (actor: Actor) => {
    const page = await listUsers(db, actor, { filters: userFiltersSchema.parse({ scope: "reach", q: "r@muller.test" }), sort: { key: "name", dir: "asc" }, size: 5 });
    return (await rowActions(db, actor, page.rows))[rita]?.includes("users.send_device_log") ?? false;
  };

  it("offers Send device log exactly when the command accepts it", async () => {
    const staff = await actorFor(db, "staff@acme.test");
    expect(await offered(staff)).toBe(true);
    await send(staff, rita);
    await revoke(staff, "staff", "org_devices.view");
    const without = await actorFor(db, "staff@acme.test");
    expect(await offered(without)).toBe(false);
    expect(await refusedWithoutChange(db, () => send(without, rita))).toMatchObject({ code: "FORBIDDEN" });
  });
});

describe(`sendDeviceLog: at most ${DEVICE_LOGS_PER_HOUR} an hour per sender`, () => {
  it("the 11th within the hour is refused with the rule, nothing written; others are not held back", async () => {
    const alice = await actorFor(db, "admin@acme.test");
    for (let i = 0; i < DEVICE_LOGS_PER_HOUR; i++) await send(alice, rita, 7);
    const error = await refusedWithoutChange(db, () => send(alice, rita, 7));
    expect(error).toMatchObject({ code: "LIMIT", refusal: "DEVICE_LOG_RATE" });
    expect(error.message).toMatch(/10 device logs in the last hour/);
    // Another sender has their own count.
    await send(await actorFor(db, "staff@acme.test"), rita, 7);
  });

  it("sends older than an hour no longer count", async () => {
    const alice = await actorFor(db, "admin@acme.test");
    await earlierSends(alice, DEVICE_LOGS_PER_HOUR, 61);
    await earlierSends(alice, DEVICE_LOGS_PER_HOUR - 1, 59);
    await send(alice, rita);
    expect(await refusedWithoutChange(db, () => send(alice, rita))).toMatchObject({ code: "LIMIT" });
  });
});

const ROUNDS = 20;

describePostgres("sendDeviceLog: the hourly limit under concurrent requests", () => {
  it(`with 5 sent, 10 concurrent sends by one sender: exactly 5 succeed, ${ROUNDS} rounds`, { timeout: 120_000 }, async () => {
    const alice = await actorFor(db, "admin@acme.test");
    const problems: string[] = [];
    const refusals: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // The audit log is append-only for the app: the test empties it as freshDemoDb does.
      await db.execute(sql`TRUNCATE audit_log`);
      await db.delete(outbox);
      await earlierSends(alice, 5, 10);
      const outcome = await race(db, Array.from({ length: 10 }, () => (g: Db) => sendDeviceLog(g, alice, { orgId: alice.org.id, userId: rita, days: 7 })));
      expect(outcome, `round ${round}: barrier`).toMatchObject({ full: true, backends: 10 });
      const wins = fulfilled(outcome.results).length;
      const [{ n } = { n: 0 }] = (await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'device_log_sent' AND actor_id = ${alice.viewer.userId}`)).rows;
      const mails = (await emailsTo(db, "admin@acme.test")).length;
      if (wins !== 5 || n !== 10 || mails !== 5) problems.push(`round ${round}: ${wins} successes, ${n} audit rows, ${mails} mails`);
      for (const e of rejected(outcome.results)) {
        refusals.push(describeError(e));
        if (!(e instanceof DomainError && e.refusal === "DEVICE_LOG_RATE")) problems.push(`round ${round}: loser got ${describeError(e)}`);
      }
    }
    console.info(`device log rate figures: ${ROUNDS} rounds x 10 sends, ${problems.length} violations; losers: ${JSON.stringify(tally(refusals))}`);
    expect(problems).toEqual([]);
  });
});
