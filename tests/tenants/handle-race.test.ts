// security.md I5's pattern for join handles, on real Postgres: tenants claiming one handle at the
// same instant get one winner; every other one hears HANDLE_TAKEN, never a bare unique violation.
import { eq, inArray } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { tenants } from "@/db/schema";
import type { Actor } from "@/lib/commands/actor";
import { DomainError } from "@/lib/errors";
import { createTenantWithAdmin } from "@/lib/tenants/create";
import { actorFor } from "../helpers/actors";
import { updateSelfSignup } from "../helpers/commands";
import { freshDemoDb } from "../helpers/db";
import { describeError, describePostgres, fulfilled, race, rejected, tally } from "../helpers/race";

const ROUNDS = 50;
const TENANTS = 10;

let db: Db;
beforeEach(async () => {
  db = await freshDemoDb();
});

/** Business tenants with an Admin each, ready to claim handles. */
async function businessAdmins(n: number): Promise<Actor[]> {
  const emails = Array.from({ length: n }, (_, i) => `admin-${i}@race-${i}.test`);
  await db.transaction(async (tx) => {
    for (const [i, email] of emails.entries()) {
      await createTenantWithAdmin(tx, { name: `Race ${i}`, plan: "business", admin: { email, name: `Racer ${i}`, passwordHash: "x" }, now: new Date() });
    }
  });
  return Promise.all(emails.map((email) => actorFor(db, email)));
}

describePostgres("one join handle, many tenants claiming it at once", () => {
  it(`${TENANTS} tenants claim one handle: exactly one holds it, the others get HANDLE_TAKEN, ${ROUNDS} rounds`, { timeout: 180_000 }, async () => {
    const admins = await businessAdmins(TENANTS);
    const ids = admins.map((a) => a.viewer.tenant.id);
    const problems: string[] = [];
    const paths: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      await db.update(tenants).set({ handle: null, joinEnabled: false }).where(inArray(tenants.id, ids));
      const handle = `shared-${round}`;
      const outcome = await race(db, admins.map((admin) => (g: Db) => updateSelfSignup(g, admin, { orgId: admin.org.id, enabled: true, role: "user", domains: [], handle })));
      expect(outcome, `round ${round}: barrier`).toMatchObject({ full: true, backends: TENANTS });
      const holders = await db.select({ id: tenants.id, enabled: tenants.joinEnabled }).from(tenants).where(eq(tenants.handle, handle));
      const wins = fulfilled(outcome.results).length;
      if (holders.length !== 1 || wins !== 1 || !holders[0]!.enabled) problems.push(`round ${round}: ${holders.length} holders, ${wins} successes`);
      for (const e of rejected(outcome.results)) {
        const ok = e instanceof DomainError && e.code === "CONFLICT" && e.refusal === "HANDLE_TAKEN" && e.field === "handle";
        if (!ok) problems.push(`round ${round}: loser got ${describeError(e)}`);
        paths.push(e instanceof DomainError ? e.refusal : "unexpected");
      }
      // The losers changed nothing: their rows still have no handle and self sign-up off.
      const losers = await db.select({ handle: tenants.handle, enabled: tenants.joinEnabled }).from(tenants).where(inArray(tenants.id, ids.filter((id) => id !== holders[0]?.id)));
      if (losers.some((l) => l.handle !== null || l.enabled)) problems.push(`round ${round}: a loser's row changed`);
    }
    console.info(`handle race: ${ROUNDS} rounds x ${TENANTS} claims, ${problems.length} violations; losers: ${JSON.stringify(tally(paths))}`);
    expect(problems).toEqual([]);
  });
});
