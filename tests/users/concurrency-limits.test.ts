// security.md I2–I5 on real Postgres: tenant-wide limits hold when the commands that could
// break them run at the same instant (barrier in tests/helpers/race.ts).
import { eq, sql } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { tenants, users } from "@/db/schema";
import type { Actor } from "@/lib/commands/actor";
import { DomainError } from "@/lib/errors";

import { ALREADY_REGISTERED } from "@/lib/users/commands/invite";
import { actorFor, orgIdByName } from "../helpers/actors";
import { freshDemoDb } from "../helpers/db";
import { addUsers, removeUsersLike, usersInTenant } from "../helpers/race-fixtures";
import { describeError, describePostgres, fulfilled, race, rejected, tally } from "../helpers/race";
import { inviteUser, setDeveloperMode } from "../helpers/commands";

const ROUNDS = 50;

let db: Db;
let globexId: string;
let acmeId: string;

beforeEach(async () => {
  db = await freshDemoDb();
  globexId = await orgIdByName(db, "Globex");
  acmeId = await orgIdByName(db, "Acme Heating");
});

/**
 * A new day for the daily invitation cap: the invitations a test sent are forgotten, wherever
 * the cap counts them (tokens go with their users; the audit log is append-only for the app, so
 * the test empties it the way freshDemoDb does).
 */
async function freshDay(pattern: string): Promise<void> {
  await removeUsersLike(db, pattern);
  await db.execute(sql`TRUNCATE audit_log`);
}

const invite = (actor: Actor, email: string) => (g: Db) => inviteUser(g, actor, { orgId: actor.org.id, name: "Racer", email, role: "user", locationIds: [] });

describePostgres("I2: one developer per tenant on the free plan", () => {
  it(`10 Admins turn developer mode on at once: exactly one developer, ${ROUNDS} rounds`, { timeout: 120_000 }, async () => {
    const extra = Array.from({ length: 9 }, (_, i) => `i2-admin-${i}@globex.test`);
    await addUsers(db, globexId, extra, "admin");
    await db.update(users).set({ developerMode: false }).where(eq(users.tenantId, globexId));
    const actors = await Promise.all(["admin@globex.test", ...extra].map((email) => actorFor(db, email)));
    const problems: string[] = [];
    const refusals: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      await db.update(users).set({ developerMode: false }).where(eq(users.tenantId, globexId));
      const outcome = await race(db, actors.map((actor) => (g: Db) => setDeveloperMode(g, actor, { enabled: true })));
      expect(outcome, `round ${round}: barrier`).toMatchObject({ full: true, backends: 10 });
      const developers = await db.select({ name: users.name }).from(users).where(sql`${users.tenantId} = ${globexId} and ${users.developerMode}`);
      const wins = fulfilled(outcome.results).length;
      const losers = rejected(outcome.results);
      if (developers.length !== 1 || wins !== 1) problems.push(`round ${round}: ${developers.length} developers, ${wins} successes`);
      const expected = `Only one developer is allowed on the Free plan; ${developers[0]?.name} has developer mode on`;
      for (const e of losers) {
        refusals.push(describeError(e));
        if (!(e instanceof DomainError && e.code === "CONFLICT" && e.message === expected)) problems.push(`round ${round}: loser got ${describeError(e)}`);
      }
    }
    console.info(`I2 figures: ${ROUNDS} rounds x 10 toggles, ${problems.length} violations; losers: ${Object.keys(tally(refusals.map((r) => r.replace(/;.*/, "")))).join(", ")}`);
    expect(problems).toEqual([]);
  });
});

describePostgres("I3: the plan's user limit counts pending users and holds under concurrent invites", () => {
  it(`at limit - 1 (Free: 4 of 5 users), 10 concurrent invites: exactly one succeeds, ${ROUNDS} rounds`, { timeout: 120_000 }, async () => {
    await addUsers(db, globexId, ["i3-pending-1@globex.test", "i3-pending-2@globex.test"], "user", { pending: true });
    await addUsers(db, globexId, ["i3-active@globex.test"], "staff");
    const gil = await actorFor(db, "admin@globex.test");
    const problems: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      await freshDay("i3-r%");
      expect(await usersInTenant(db, globexId)).toBe(4);
      const outcome = await race(db, Array.from({ length: 10 }, (_, i) => invite(gil, `i3-r${round}-${i}@example.test`)));
      expect(outcome, `round ${round}: barrier`).toMatchObject({ full: true, backends: 10 });
      const wins = fulfilled(outcome.results).length;
      const total = await usersInTenant(db, globexId);
      if (wins !== 1 || total !== 5) problems.push(`round ${round}: ${wins} invitations succeeded, ${total} users`);
      for (const e of rejected(outcome.results)) {
        const ok = e instanceof DomainError && e.code === "LIMIT" && e.message === "The Free plan allows at most 5 users, pending invitations included (5 used)";
        if (!ok) problems.push(`round ${round}: loser got ${describeError(e)}`);
      }
    }
    console.info(`I3 figures: ${ROUNDS} rounds x 10 invites, ${problems.length} violations`);
    expect(problems).toEqual([]);
  });
});

describePostgres("I4: 25 invitations per tenant per day, under concurrency", () => {
  it(`30 concurrent invites on a fresh day: exactly 25 succeed, ${ROUNDS} rounds`, { timeout: 120_000 }, async () => {
    // Raise the plan's user cap so only the daily cap can refuse.
    await db.update(tenants).set({ limitsOverride: { maxUsers: 1000 } }).where(eq(tenants.id, acmeId));
    const alice = await actorFor(db, "admin@acme.test");
    const problems: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      await freshDay("i4-%");
      // 30 commands on a 10-connection pool: the first 10 meet at the barrier, the rest queue for a connection.
      const outcome = await race(db, Array.from({ length: 30 }, (_, i) => invite(alice, `i4-r${round}-${i}@example.test`)));
      expect(outcome, `round ${round}: barrier`).toMatchObject({ full: true, backends: 10 });
      const wins = fulfilled(outcome.results).length;
      const [{ n }] = (await db.execute<{ n: string }>(sql`select count(*) as n from users where email like ${`i4-r${round}-%`}`)).rows as [{ n: string }];
      if (wins !== 25 || Number(n) !== 25) problems.push(`round ${round}: ${wins} succeeded, ${n} users created`);
      for (const e of rejected(outcome.results)) {
        const ok = e instanceof DomainError && e.code === "LIMIT" && e.message === "At most 25 invitations can be sent per day; 0 left today";
        if (!ok) problems.push(`round ${round}: loser got ${describeError(e)}`);
      }
    }
    console.info(`I4 figures: ${ROUNDS} rounds x 30 invites (${ROUNDS * 30} transactions), ${problems.length} violations`);
    expect(problems).toEqual([]);
  });
});

describePostgres("I5: one address, two tenants inviting it at the same instant", () => {
  it(`exactly one wins; the other gets "${ALREADY_REGISTERED}", ${ROUNDS} rounds`, { timeout: 120_000 }, async () => {
    const alice = await actorFor(db, "admin@acme.test");
    const gil = await actorFor(db, "admin@globex.test");
    const problems: string[] = [];
    const winners: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      await freshDay("i5-%");
      // Mixed case and spaces: the unique index is on the normalised address (security.md F3).
      const email = `i5-${round}@shared.test`;
      const outcome = await race(db, [invite(alice, email), invite(gil, ` I5-${round}@Shared.TEST `)]);
      expect(outcome, `round ${round}: barrier`).toMatchObject({ full: true, backends: 2 });
      const rows = await db.select({ tenantId: users.tenantId }).from(users).where(sql`lower(${users.email}) = ${email}`);
      const losers = rejected(outcome.results);
      if (rows.length !== 1 || fulfilled(outcome.results).length !== 1) problems.push(`round ${round}: ${rows.length} users, ${fulfilled(outcome.results).length} successes`);
      for (const e of losers) {
        if (!(e instanceof DomainError && e.code === "CONFLICT" && e.message === ALREADY_REGISTERED)) problems.push(`round ${round}: loser got ${describeError(e)}`);
      }
      winners.push(rows[0]?.tenantId === acmeId ? "Acme" : "Globex");
    }
    console.info(`I5 figures: ${ROUNDS} rounds, ${problems.length} violations; winners ${JSON.stringify(tally(winners))}`);
    expect(problems).toEqual([]);
  });
});
