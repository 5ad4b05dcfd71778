// security.md I1 and I6 on real Postgres: concurrent removals of Admins never leave an org
// without an active Admin, and bulk commands on the same rows in opposite orders never surface
// a deadlock. Every round releases its transactions together through a barrier (tests/helpers/race.ts).
import { eq, inArray, sql } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { devices, users } from "@/db/schema";
import type { Actor } from "@/lib/commands/actor";
import type { BulkResult } from "@/lib/commands/bulk";
import { pgCode } from "@/lib/commands/transaction";
import { isAdminRole } from "@/lib/policy";

import { activeAdminCounts, keepAdmins, loadUsersInView } from "@/lib/users/targets";
import { actorFor, orgIdByName } from "../helpers/actors";
import { freshDemoDb } from "../helpers/db";
import { activeAdmins, addDevices, addUsers, removeUsersLike, shuffled } from "../helpers/race-fixtures";
import { describeError, describePostgres, fulfilled, race, rejected, tally } from "../helpers/race";
import { changeRoles, deleteUsers, suspendUsers } from "../helpers/commands";

const ROUNDS = 50;
const N = 10;
const lastAdmin = (org: string) => `${org} would be left without an Admin`;

let db: Db;
let mullerId: string;
let marshId: string;
let acmeId: string;

beforeEach(async () => {
  db = await freshDemoDb();
  mullerId = await orgIdByName(db, "Muller Boiler Group");
  marshId = await orgIdByName(db, "Marsh Residence");
  acmeId = await orgIdByName(db, "Acme Heating");
});

type Op = { label: string; targets: string[]; run: (db: Db) => Promise<BulkResult> };

/** Postgres' own count of deadlocks it detected in this database (informational: retried ones included). */
async function deadlocksDetected(): Promise<number> {
  const { rows } = await db.execute<{ n: string }>(sql`select deadlocks as n from pg_stat_database where datname = current_database()`);
  return Number(rows[0]?.n ?? 0);
}

describePostgres("I1: an org keeps at least one active Admin under concurrent removals", () => {
  it(`two Admins demote, delete and suspend each other while overlapping bulk removals run: ${ROUNDS} rounds x ${N} transactions`, { timeout: 120_000 }, async () => {
    const violations: string[] = [];
    const skippedReasons: string[] = [];
    let transactions = 0;
    for (let round = 0; round < ROUNDS; round++) {
      await removeUsersLike(db, "i1-%");
      const emails = [`i1-${round}-a@muller.test`, `i1-${round}-b@muller.test`];
      const [aId, bId] = (await addUsers(db, mullerId, emails, "admin")) as [string, string];
      expect(await activeAdmins(db, mullerId)).toBe(2);
      // Both Admins loaded their viewer before either change commits, as two browsers would.
      const a = await actorFor(db, emails[0]!);
      const b = await actorFor(db, emails[1]!);
      const alice = await actorFor(db, "admin@acme.test", mullerId);
      const orgId = mullerId;
      const ops: Op[] = [
        { label: "a demotes b", targets: [bId], run: (g) => changeRoles(g, a, { orgId, userIds: [bId], role: "user" }) },
        { label: "b demotes a", targets: [aId], run: (g) => changeRoles(g, b, { orgId, userIds: [aId], role: "staff" }) },
        { label: "a deletes b", targets: [bId], run: (g) => deleteUsers(g, a, { orgId, userIds: [bId], confirm: "DELETE" }) },
        { label: "b deletes a", targets: [aId], run: (g) => deleteUsers(g, b, { orgId, userIds: [aId], devices: "unowned", confirm: "DELETE" }) },
        { label: "a suspends b", targets: [bId], run: (g) => suspendUsers(g, a, { orgId, userIds: [bId] }) },
        { label: "b suspends a", targets: [aId], run: (g) => suspendUsers(g, b, { orgId, userIds: [aId] }) },
        { label: "alice deletes [a,b]", targets: [aId, bId], run: (g) => deleteUsers(g, alice, { orgId, userIds: [aId, bId], confirm: "DELETE" }) },
        { label: "alice deletes [b,a]", targets: [aId, bId], run: (g) => deleteUsers(g, alice, { orgId, userIds: [bId, aId], confirm: "DELETE" }) },
        { label: "alice suspends [b,a]", targets: [aId, bId], run: (g) => suspendUsers(g, alice, { orgId, userIds: [bId, aId] }) },
        { label: "alice demotes [a,b]", targets: [aId, bId], run: (g) => changeRoles(g, alice, { orgId, userIds: [aId, bId], role: "user" }) },
      ];
      const order = shuffled(ops, round + 1);
      const outcome = await race(db, order.map((op) => op.run));
      transactions += order.length;

      const where = `round ${round}`;
      expect(outcome, `${where}: barrier`).toMatchObject({ full: true, backends: N });
      const errors = rejected(outcome.results).map(describeError);
      if (errors.length) violations.push(`${where}: commands failed: ${errors.join(" | ")}`);

      const left = await activeAdmins(db, mullerId);
      if (left < 1) violations.push(`${where}: Muller Boiler Group has ${left} active Admins`);
      if (left > 1) violations.push(`${where}: no removal won (${left} active Admins)`);

      // The survivor: every command that named it was refused with the rule's CONFLICT.
      const stillActive = (await db.select({ id: users.id, role: users.role, suspendedAt: users.suspendedAt }).from(users).where(inArray(users.id, [aId, bId]))).filter(
        (u) => isAdminRole(u.role) && u.suspendedAt === null,
      );
      const survivorId = stillActive.length === 1 ? stillActive[0]!.id : undefined;
      let conflicts = 0;
      outcome.results.forEach((result, i) => {
        if (result.status !== "fulfilled") return;
        const op = order[i]!;
        for (const s of result.value.skipped) skippedReasons.push(`${s.code}: ${s.reason}`);
        if (survivorId && op.targets.includes(survivorId)) {
          const refusal = result.value.skipped.find((s) => s.id === survivorId);
          if (result.value.done.includes(survivorId) || refusal?.code !== "CONFLICT" || refusal.reason !== lastAdmin("Muller Boiler Group")) {
            violations.push(`${where}: "${op.label}" on the last Admin gave ${JSON.stringify(result.value)}`);
          } else conflicts++;
        }
      });
      if (conflicts < 1) violations.push(`${where}: no loser got the "${lastAdmin("Muller Boiler Group")}" CONFLICT`);
    }
    console.info(`I1 figures: ${ROUNDS} rounds, ${transactions} transactions, ${violations.length} violations; refusals: ${JSON.stringify(tally(skippedReasons))}`);
    expect(violations).toEqual([]);
  });

  it(`overlapping bulk deletes and suspends spanning two orgs keep one Admin in each: ${ROUNDS} rounds x ${N} transactions`, { timeout: 120_000 }, async () => {
    const violations: string[] = [];
    const alice = await actorFor(db, "admin@acme.test", acmeId);
    let removedAdmins = 0;
    for (let round = 0; round < ROUNDS; round++) {
      await removeUsersLike(db, "i1b-%");
      const mAdmins = await addUsers(db, mullerId, [`i1b-${round}-ma1@muller.test`, `i1b-${round}-ma2@muller.test`], "admin");
      const hAdmins = await addUsers(db, marshId, [`i1b-${round}-ha1@marsh.test`, `i1b-${round}-ha2@marsh.test`], "admin");
      const plain = [
        ...(await addUsers(db, mullerId, [`i1b-${round}-mu@muller.test`], "user")),
        ...(await addUsers(db, marshId, [`i1b-${round}-hu@marsh.test`], "staff")),
      ];
      await addDevices(db, [...mAdmins, ...hAdmins, ...plain]);
      const all = [...mAdmins, ...hAdmins, ...plain];
      const orgId = acmeId;
      // Each command names one Admin of each org (often not the one another command names, so
      // only the org lock stands between them and write skew) plus some plain users, in any order.
      const pick = (seed: number) =>
        shuffled([mAdmins[seed % 2]!, hAdmins[(seed >> 1) % 2]!, ...shuffled(plain, seed).slice(0, seed % 3)], seed);
      const tasks = Array.from({ length: N }, (_, i) => {
        const ids = pick(round * 31 + i * 7 + 1);
        return i % 3 === 2
          ? (g: Db) => suspendUsers(g, alice, { orgId, userIds: ids })
          : (g: Db) => deleteUsers(g, alice, { orgId, userIds: ids, devices: i % 2 ? "unowned" : "to_me", confirm: "DELETE" });
      });
      const outcome = await race(db, tasks);
      const where = `round ${round}`;
      expect(outcome, `${where}: barrier`).toMatchObject({ full: true, backends: N });
      const errors = rejected(outcome.results).map(describeError);
      if (errors.length) violations.push(`${where}: commands failed: ${errors.join(" | ")}`);
      for (const [name, id] of [["Muller Boiler Group", mullerId], ["Marsh Residence", marshId]] as const) {
        const left = await activeAdmins(db, id);
        if (left < 1) violations.push(`${where}: ${name} has ${left} active Admins`);
      }
      for (const r of fulfilled(outcome.results)) {
        for (const s of r.skipped) {
          const expected = ["CONFLICT", "NOT_FOUND"].includes(s.code);
          if (!expected) violations.push(`${where}: unexpected refusal ${s.code}: ${s.reason}`);
        }
        removedAdmins += r.done.filter((id) => mAdmins.includes(id) || hAdmins.includes(id)).length;
      }
      // Devices are never deleted with their owner (FK set null or moved to the actor).
      const [{ n }] = (await db.execute<{ n: string }>(sql`select count(*) as n from devices where name like 'Device %'`)).rows as [{ n: string }];
      if (Number(n) !== all.length) violations.push(`${where}: ${n} of ${all.length} devices left`);
      await db.delete(devices).where(sql`${devices.name} like 'Device %'`);
    }
    console.info(`I1 bulk figures: ${ROUNDS} rounds, ${ROUNDS * N} transactions, ${removedAdmins} Admin removals committed, ${violations.length} violations`);
    expect(violations).toEqual([]);
  });

  it("control: the same mutual demotion without the org lock breaks the invariant (the race test can fail)", async () => {
    // runOnUsers' own steps — user rows locked in id order, active Admins counted, keepAdmins —
    // but without lockOrgs: exactly the write skew of security.md "Postgres concurrency patterns".
    const demoteWithoutOrgLock = (g: Db, actor: Actor, targetId: string) =>
      g.transaction(async (tx) => {
        const targets = await loadUsersInView(tx, actor, [targetId], { lock: true });
        const refused = keepAdmins(targets, await activeAdminCounts(tx, actor.viewer.tenant.id, [mullerId]), (u) => isAdminRole(u.role));
        const allowed = targets.filter((u) => !refused.has(u.id)).map((u) => u.id);
        if (allowed.length) await tx.update(users).set({ role: "user" }).where(inArray(users.id, allowed));
        return allowed.length;
      });
    const rounds = 20;
    let brokenRounds = 0;
    for (let round = 0; round < rounds; round++) {
      await removeUsersLike(db, "ctl-%");
      const emails = [`ctl-${round}-a@muller.test`, `ctl-${round}-b@muller.test`];
      const [aId, bId] = (await addUsers(db, mullerId, emails, "admin")) as [string, string];
      const a = await actorFor(db, emails[0]!);
      const b = await actorFor(db, emails[1]!);
      const tasks = Array.from({ length: N }, (_, i) => (g: Db) => (i % 2 ? demoteWithoutOrgLock(g, a, bId) : demoteWithoutOrgLock(g, b, aId)));
      const outcome = await race(db, tasks);
      expect(outcome).toMatchObject({ full: true, backends: N });
      expect(rejected(outcome.results)).toEqual([]);
      if ((await activeAdmins(db, mullerId)) === 0) brokenRounds++;
    }
    console.info(`I1 control (no org lock): ${brokenRounds} of ${rounds} rounds left Muller Boiler Group without an Admin`);
    expect(brokenRounds).toBeGreaterThan(0);
  });
});

describePostgres("I6: bulk commands on the same rows in opposite orders never surface a deadlock", () => {
  it(`two bulk deletes and two bulk suspends with reversed id lists: ${ROUNDS} rounds`, { timeout: 120_000 }, async () => {
    const alice = await actorFor(db, "admin@acme.test", acmeId);
    const problems: string[] = [];
    const deadlocksBefore = await deadlocksDetected();
    const orgId = acmeId;
    for (let round = 0; round < ROUNDS; round++) {
      await removeUsersLike(db, "i6-%");
      const ids = [
        ...(await addUsers(db, mullerId, Array.from({ length: 4 }, (_, i) => `i6-${round}-m${i}@muller.test`), "user")),
        ...(await addUsers(db, marshId, Array.from({ length: 4 }, (_, i) => `i6-${round}-h${i}@marsh.test`), "staff")),
        ...(await addUsers(db, acmeId, Array.from({ length: 2 }, (_, i) => `i6-${round}-r${i}@acme.test`), "user")),
      ];
      await addDevices(db, ids);
      const asc = [...ids].sort();
      const desc = [...asc].reverse();
      const ops = shuffled(
        [
          { deletes: true, run: (g: Db) => deleteUsers(g, alice, { orgId, userIds: asc, confirm: "DELETE" }) },
          { deletes: true, run: (g: Db) => deleteUsers(g, alice, { orgId, userIds: desc, confirm: "DELETE" }) },
          { deletes: false, run: (g: Db) => suspendUsers(g, alice, { orgId, userIds: desc }) },
          { deletes: false, run: (g: Db) => suspendUsers(g, alice, { orgId, userIds: asc }) },
        ],
        round + 7,
      );
      const outcome = await race(db, ops.map((op) => op.run));
      expect(outcome, `round ${round}: barrier`).toMatchObject({ full: true, backends: 4 });
      const errors = rejected(outcome.results).map(describeError);
      if (errors.length) problems.push(`round ${round}: ${errors.join(" | ")}`);
      // The two deletes split the users between them: each deleted exactly once.
      const deleted = outcome.results.flatMap((r, i) => (ops[i]!.deletes && r.status === "fulfilled" ? r.value.done : []));
      if (deleted.length !== ids.length || new Set(deleted).size !== ids.length) problems.push(`round ${round}: deletes reported ${deleted.length} users done for ${ids.length}`);
      const [{ n }] = (await db.execute<{ n: string }>(sql`select count(*) as n from users where email like ${`i6-${round}-%`}`)).rows as [{ n: string }];
      if (Number(n) !== 0) problems.push(`round ${round}: ${n} users survived two deletes`);
      const owned = await db.select({ n: sql<number>`count(*)::int` }).from(devices).where(eq(devices.ownerId, alice.viewer.userId));
      if ((owned[0]?.n ?? 0) < ids.length) problems.push(`round ${round}: devices were not passed to the deleting Admin`);
      await db.delete(devices).where(sql`${devices.name} like 'Device %'`);
    }
    const deadlocks = (await deadlocksDetected()) - deadlocksBefore;
    console.info(`I6 figures: ${ROUNDS} rounds x 4 transactions, ${problems.length} surfaced errors; deadlocks detected by Postgres (retried, never shown): ${deadlocks}`);
    expect(problems).toEqual([]);
  });

  it("control: the same reversed lists locked row by row in list order do deadlock (so a surfaced deadlock would be seen)", async () => {
    const lockInListOrder = (g: Db, ids: readonly string[]) =>
      g.transaction(async (tx) => {
        for (const id of ids) await tx.execute(sql`select id from users where id = ${id} for update`);
      });
    let deadlocks = 0;
    const rounds = 3;
    for (let round = 0; round < rounds; round++) {
      await removeUsersLike(db, "i6c-%");
      const ids = (await addUsers(db, mullerId, Array.from({ length: 10 }, (_, i) => `i6c-${round}-${i}@muller.test`), "user")).sort();
      const outcome = await race(db, [(g) => lockInListOrder(g, ids), (g) => lockInListOrder(g, [...ids].reverse())]);
      expect(outcome).toMatchObject({ full: true, backends: 2 });
      deadlocks += rejected(outcome.results).filter((e) => pgCode(e) === "40P01").length;
    }
    console.info(`I6 control (unordered locking, no retry): ${deadlocks} deadlock errors in ${rounds} rounds`);
    expect(deadlocks).toBeGreaterThan(0);
  });
});
