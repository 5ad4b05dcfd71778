// Issue 19 on real Postgres: sign-up links and joins finished at the same instant (barrier in
// tests/helpers/race.ts) keep one account per address and the plan's user limit.
import { count, eq, like } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { signupRequests, tenants, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { DomainError } from "@/lib/errors";
import { NO_ROOM } from "@/lib/signup/messages";
import { ALREADY_REGISTERED } from "@/lib/users/commands/invite";
import { hashToken, newToken } from "@/lib/users/tokens";
import { orgIdByName } from "../helpers/actors";
import { freshDemoDb } from "../helpers/db";
import { NEW_PASSWORD } from "../helpers/fixtures";
import { usersInTenant } from "../helpers/race-fixtures";
import { describeError, describePostgres, fulfilled, race, rejected } from "../helpers/race";
import { finishSignup } from "../helpers/commands";

const ROUNDS = 50;
const PARALLEL = 10;

let db: Db;
let passwordHash: string;
beforeEach(async () => {
  db = await freshDemoDb();
  passwordHash ??= await hashPassword(NEW_PASSWORD);
});

/**
 * Emailed links, written straight into the table: what is raced is the finish, and going
 * through the start would meet its per-address limit after three.
 */
async function links(requests: Array<{ email: string; tenantId: string | null }>): Promise<string[]> {
  const tokens = requests.map(() => newToken());
  const now = new Date();
  await db.insert(signupRequests).values(
    requests.map((r, i) => ({ ...r, name: "Racer", orgName: r.tenantId ? null : `Race Org ${i}`, passwordHash, tokenHash: hashToken(tokens[i]!), createdAt: now, expiresAt: new Date(now.getTime() + 3_600_000) })),
  );
  return tokens;
}

const finish = (token: string, i: number) => (g: Db) => finishSignup(g, { token }, { ip: `10.6.0.${i + 1}` });

describePostgres("two sign-up links for one email finished at once", () => {
  it(`${PARALLEL} links of one address, finished together: exactly one account and one tenant, ${ROUNDS} rounds`, { timeout: 180_000 }, async () => {
    const problems: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const email = `race-${round}@signup.test`;
      const tenantsBefore = (await db.select({ n: count() }).from(tenants))[0]!.n;
      const tokens = await links(Array.from({ length: PARALLEL }, () => ({ email, tenantId: null })));
      const outcome = await race(db, tokens.map(finish));
      expect(outcome, `round ${round}: barrier`).toMatchObject({ full: true, backends: PARALLEL });
      const accounts = (await db.select({ n: count() }).from(users).where(eq(users.email, email)))[0]!.n;
      const tenantsMade = (await db.select({ n: count() }).from(tenants))[0]!.n - tenantsBefore;
      if (accounts !== 1 || tenantsMade !== 1 || fulfilled(outcome.results).length !== 1) problems.push(`round ${round}: ${accounts} accounts, ${tenantsMade} tenants`);
      for (const e of rejected(outcome.results)) {
        if (!(e instanceof DomainError && e.refusal === "EMAIL_TAKEN" && e.message === ALREADY_REGISTERED)) problems.push(`round ${round}: loser got ${describeError(e)}`);
      }
    }
    console.info(`sign-up race figures: ${ROUNDS} rounds x ${PARALLEL} finishes, ${problems.length} violations`);
    expect(problems).toEqual([]);
  });
});

describePostgres("joins racing the plan's user limit", () => {
  it(`one seat left, ${PARALLEL} joins finished together: never above the limit, ${ROUNDS} rounds`, { timeout: 180_000 }, async () => {
    const initech = await orgIdByName(db, "Initech Climate");
    const seated = await usersInTenant(db, initech);
    await db.update(tenants).set({ limitsOverride: { maxUsers: seated + 1 } }).where(eq(tenants.id, initech));
    const problems: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      await db.delete(users).where(like(users.email, "joiner-%"));
      const tokens = await links(Array.from({ length: PARALLEL }, (_, i) => ({ email: `joiner-${round}-${i}@join.test`, tenantId: initech })));
      const outcome = await race(db, tokens.map(finish));
      expect(outcome, `round ${round}: barrier`).toMatchObject({ full: true, backends: PARALLEL });
      const total = await usersInTenant(db, initech);
      if (total !== seated + 1 || fulfilled(outcome.results).length !== 1) problems.push(`round ${round}: ${total} users (limit ${seated + 1}), ${fulfilled(outcome.results).length} joined`);
      for (const e of rejected(outcome.results)) {
        if (!(e instanceof DomainError && e.refusal === "PLAN_USER_LIMIT" && e.message === NO_ROOM)) problems.push(`round ${round}: loser got ${describeError(e)}`);
      }
    }
    console.info(`join race figures: ${ROUNDS} rounds x ${PARALLEL} joins, ${problems.length} violations`);
    expect(problems).toEqual([]);
  });
});
