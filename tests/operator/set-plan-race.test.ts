// The operator's `set-plan` down, racing invitations on real Postgres (barrier in
// tests/helpers/race.ts): whichever way the race goes, the tenant never ends up over the limit
// of the plan it is on.
import { eq, sql } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { tenants } from "@/db/schema";
import type { Actor } from "@/lib/commands/actor";
import { DomainError } from "@/lib/errors";
import { setTenantPlan } from "@/lib/operator/set-plan";
import { actorFor, orgIdByName } from "../helpers/actors";
import { inviteUser } from "../helpers/commands";
import { freshDemoDb } from "../helpers/db";
import { describeError, describePostgres, race, tally } from "../helpers/race";
import { addUsers, removeUsersLike, usersInTenant } from "../helpers/race-fixtures";

const ROUNDS = 50;
const PLUS_LIMIT = 10;
const PLUS_REFUSAL = `The Plus plan allows at most ${PLUS_LIMIT} users, pending invitations included (${PLUS_LIMIT} used)`;

let db: Db;
let globexId: string;
beforeEach(async () => {
  db = await freshDemoDb();
  globexId = await orgIdByName(db, "Globex");
});

const invite = (actor: Actor, email: string) => (g: Db) => inviteUser(g, actor, { orgId: actor.org.id, name: "Racer", email, role: "user", locationIds: [] });

describePostgres("set-plan down racing invitations", () => {
  it(`Pro → Plus at 8 users while 9 invitations run: never above Plus's ${PLUS_LIMIT} users on Plus, ${ROUNDS} rounds`, { timeout: 180_000 }, async () => {
    // Globex on Pro with 8 people, one developer and no sub-orgs: it fits Plus until 3 invitations land.
    await db.update(tenants).set({ plan: "pro" }).where(eq(tenants.id, globexId));
    await addUsers(db, globexId, Array.from({ length: 7 }, (_, i) => `base-${i}@globex.test`), "user");
    const gil = await actorFor(db, "admin@globex.test");
    const problems: string[] = [];
    const outcomes: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      await removeUsersLike(db, "race-%");
      // A new day for the daily invitation cap, which counts in the append-only audit log.
      await db.execute(sql`TRUNCATE audit_log`);
      await db.update(tenants).set({ plan: "pro" }).where(eq(tenants.id, globexId));
      expect(await usersInTenant(db, globexId)).toBe(8);

      // Even rounds: all ten meet at the barrier, and set-plan (which locks the tenant first thing)
      // mostly takes the lock first. Odd rounds: the nine invitations meet there and set-plan starts
      // 0–36 ms later, so that some of them have committed by the time it counts.
      const stagger = round % 2 === 1 ? ((round >> 1) % 10) * 4 : null;
      const setPlan = async (g: Db) => {
        if (stagger !== null) await new Promise((resolve) => setTimeout(resolve, stagger));
        return setTenantPlan(g, { tenantId: globexId, plan: "plus" });
      };
      const tasks: Array<(g: Db) => Promise<unknown>> = [setPlan, ...Array.from({ length: 9 }, (_, i) => invite(gil, `race-${round}-${i}@example.test`))];
      const parties = stagger === null ? 10 : 9;
      const outcome = await race(db, tasks, { parties });
      expect(outcome.full && outcome.backends >= parties, `round ${round}: barrier ${JSON.stringify({ ...outcome, results: undefined })}`).toBe(true);

      const [tenant] = await db.select({ plan: tenants.plan }).from(tenants).where(eq(tenants.id, globexId));
      const users = await usersInTenant(db, globexId);
      const [planResult, ...inviteResults] = outcome.results;
      const invited = inviteResults.filter((r) => r.status === "fulfilled").length;
      if (planResult!.status === "fulfilled") {
        outcomes.push(`plan applied, ${invited} invited`);
        if (tenant!.plan !== "plus" || users > PLUS_LIMIT) problems.push(`round ${round}: set-plan applied, plan ${tenant!.plan}, ${users} users`);
        for (const r of inviteResults) {
          if (r.status === "rejected" && !(r.reason instanceof DomainError && r.reason.refusal === "PLAN_USER_LIMIT" && r.reason.message === PLUS_REFUSAL)) problems.push(`round ${round}: invitation got ${describeError(r.reason)}`);
        }
      } else {
        outcomes.push(`plan refused, ${invited} invited`);
        const e = planResult!.reason;
        // Refused only because the invitations that committed first took the tenant over Plus's limit.
        const seen = e instanceof DomainError && e.refusal === "PLAN_LIMITS_BROKEN" ? /^Globex cannot move to the Plus plan: (\d+) users, pending invitations included \(Plus allows 10\)\.$/.exec(e.message) : null;
        if (!seen || Number(seen[1]) <= PLUS_LIMIT) problems.push(`round ${round}: set-plan got ${describeError(e)}`);
        if (tenant!.plan !== "pro" || invited !== 9) problems.push(`round ${round}: set-plan refused, plan ${tenant!.plan}, ${invited} invited`);
      }
    }
    console.info(`set-plan race figures: ${ROUNDS} rounds x (1 set-plan + 9 invitations), ${problems.length} violations; ${JSON.stringify(tally(outcomes))}`);
    expect(problems).toEqual([]);
    // Both ways the race can go were run: set-plan first, and invitations first.
    expect(new Set(outcomes.map((o) => o.split(",")[0]))).toEqual(new Set(["plan applied", "plan refused"]));
  });
});
