// security.md E2 on real Postgres: an invitation link is single use even when it is submitted
// several times at the same instant (consumeToken is one UPDATE ... RETURNING).
import { and, count, eq, sql } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, users } from "@/db/schema";
import { DomainError } from "@/lib/errors";
import { LINK_EXPIRED } from "@/lib/users/commands/account-recovery";

import { actorFor } from "../helpers/actors";
import { freshDemoDb } from "../helpers/db";
import { invitationTokenFor, removeUsersLike } from "../helpers/race-fixtures";
import { describeError, describePostgres, fulfilled, race, rejected } from "../helpers/race";
import { acceptInvitation, inviteUser } from "../helpers/commands";

const PASSWORD = "violet-harbour-lantern-42";

let db: Db;
beforeEach(async () => {
  db = await freshDemoDb();
});

async function raceAccepts(parallel: number, rounds: number): Promise<string[]> {
  const alice = await actorFor(db, "admin@acme.test");
  const problems: string[] = [];
  for (let round = 0; round < rounds; round++) {
    // A new day each round for the daily invitation cap (see concurrency-limits.test.ts).
    await removeUsersLike(db, "e2-%");
    await db.execute(sql`TRUNCATE audit_log`);
    const email = `e2-${parallel}-${round}@example.test`;
    const { userId } = await inviteUser(db, alice, { orgId: alice.org.id, name: "Invitee", email, role: "user", locationIds: [] });
    const token = await invitationTokenFor(db, email);
    // One IP per round, so the wrong-token limit (10 a minute) never mixes into the result.
    const ip = `10.${parallel}.${round}.1`;
    const outcome = await race(db, Array.from({ length: parallel }, () => (g: Db) => acceptInvitation(g, { token, password: PASSWORD }, { ip })));
    expect(outcome, `round ${round}: barrier`).toMatchObject({ full: true, backends: parallel });
    const winners = fulfilled(outcome.results);
    const losers = rejected(outcome.results);
    const [accepted] = await db.select({ acceptedAt: users.acceptedAt }).from(users).where(eq(users.id, userId));
    const [audits] = await db.select({ n: count() }).from(auditLog).where(and(eq(auditLog.targetId, userId), eq(auditLog.action, "user_invitation_accepted")));
    if (winners.length !== 1 || winners[0]?.email !== email) problems.push(`round ${round}: ${winners.length} winners`);
    if (!accepted?.acceptedAt || audits?.n !== 1) problems.push(`round ${round}: accepted=${String(accepted?.acceptedAt)}, ${audits?.n} audit rows`);
    for (const e of losers) {
      if (!(e instanceof DomainError && e.code === "INVALID" && e.message === LINK_EXPIRED)) problems.push(`round ${round}: loser got ${describeError(e)}`);
    }
  }
  return problems;
}

describePostgres("E2: an invitation token has exactly one winner under parallel accepts", () => {
  it("2 parallel accepts of one token, 50 rounds: exactly 1 winner each round", { timeout: 120_000 }, async () => {
    const problems = await raceAccepts(2, 50);
    console.info(`E2 figures: 50 rounds x 2 accepts, ${problems.length} violations`);
    expect(problems).toEqual([]);
  });

  it("10 parallel accepts of one token, 10 rounds: exactly 1 winner each round", { timeout: 120_000 }, async () => {
    const problems = await raceAccepts(10, 10);
    console.info(`E2 figures: 10 rounds x 10 accepts, ${problems.length} violations`);
    expect(problems).toEqual([]);
  });
});
