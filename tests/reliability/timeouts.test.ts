// security.md K3 and K6 on real Postgres: nothing waits forever. With every pool client taken,
// a command answers BUSY once connectionTimeoutMillis (5 s) has passed; with a row it needs
// locked by someone else, it answers BUSY once lock_timeout (5 s) has passed. In both cases the
// next command after the obstruction is gone succeeds.
import { eq } from "drizzle-orm";
import type pg from "pg";
import { afterEach, beforeEach, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { toResult } from "@/lib/action";
import type { Actor } from "@/lib/commands/actor";
import { toDomainError } from "@/lib/commands/transaction";
import { DomainError } from "@/lib/errors";




import { actorFor, orgIdByName } from "../helpers/actors";
import { freshDemoDb } from "../helpers/db";
import { tableDigests } from "../helpers/db-state";
import { closeQuietly, holdRowLock, openClient } from "../helpers/pg-clients";
import { addUsers } from "../helpers/race-fixtures";
import { describePostgres, poolOf, POOL_MAX } from "../helpers/race";
import { changeRoles, deleteUsers, inviteUser, setDeveloperMode, suspendUsers, transferUser } from "../helpers/commands";

const BUSY = { code: "BUSY", refusal: "BUSY", message: "Someone else is changing this right now. Try again in a moment." };

let db: Db;
let mullerId: string;
let globexId: string;
let alice: Actor;
let gil: Actor;
let x: pg.Client | undefined;

beforeEach(async () => {
  db = await freshDemoDb();
  mullerId = await orgIdByName(db, "Muller Boiler Group");
  globexId = await orgIdByName(db, "Globex");
  alice = await actorFor(db, "admin@acme.test");
  gil = await actorFor(db, "admin@globex.test");
});

afterEach(async () => {
  await closeQuietly(x);
  x = undefined;
});

/** Settles `work`, with how long it took. */
async function timed(work: () => Promise<unknown>): Promise<{ ms: number; value?: unknown; error?: unknown }> {
  const started = Date.now();
  try {
    const value = await work();
    return { ms: Date.now() - started, value };
  } catch (error) {
    return { ms: Date.now() - started, error };
  }
}

const inviteInput = (actor: Actor, email: string) => ({ orgId: actor.org.id, name: "Waiting Person", email, role: "user", locationIds: [] });

describePostgres("K3: pool exhaustion fails fast", () => {
  it(`with all ${POOL_MAX} pool clients held, commands answer BUSY within 6 s; after release the next command succeeds`, async () => {
    const [mullerAdmin] = await addUsers(db, mullerId, ["k3-admin@muller.test"], "admin");
    const r = (await db.select({ id: users.id }).from(users).where(eq(users.email, "r@muller.test")))[0]!.id;
    const before = await tableDigests(db);
    const pool = poolOf(db);
    const held = await Promise.all(Array.from({ length: POOL_MAX }, () => pool.connect()));
    let outcomes: Array<{ name: string; ms: number; value?: unknown; error?: unknown }>;
    try {
      expect({ total: pool.totalCount, idle: pool.idleCount }).toEqual({ total: POOL_MAX, idle: 0 });
      const commands: Array<[string, () => Promise<unknown>]> = [
        ["invite", () => inviteUser(db, alice, inviteInput(alice, "k3-new@example.test"))],
        ["developer mode", () => setDeveloperMode(db, gil, { enabled: false })],
        ["change role", () => changeRoles(db, alice, { orgId: alice.org.id, userIds: [mullerAdmin!], role: "user" })],
        ["suspend", () => suspendUsers(db, alice, { orgId: alice.org.id, userIds: [r] })],
        ["delete", () => deleteUsers(db, alice, { orgId: alice.org.id, userIds: [r], confirm: "DELETE" })],
        ["transfer", () => transferUser(db, alice, { orgId: alice.org.id, userId: r, destination: { orgId: alice.org.id }, role: "user" })],
      ];
      outcomes = await Promise.all(commands.map(async ([name, run]) => ({ name, ...(await timed(run)) })));
    } finally {
      for (const client of held) client.release();
    }
    for (const o of outcomes) {
      // Each gave up after connectionTimeoutMillis instead of waiting forever; how long that took
      // is printed below, not asserted (tests never assert on timings; the bench measures).
      // Commands whose reads all run inside inTransaction throw BUSY themselves; the others
      // (a role check before the transaction) throw the driver's error, which the one mapping
      // every caller uses turns into the same BUSY.
      const mapped = toDomainError(o.error);
      expect(mapped, `${o.name}: ${String(o.error)}`).toBeInstanceOf(DomainError);
      expect(mapped, o.name).toMatchObject(BUSY);
      // What the browser gets.
      expect(toResult(o.error, "00000000-0000-4000-8000-000000000000"), o.name).toEqual({ ok: false, ...BUSY });
    }
    for (const name of ["invite", "developer mode", "suspend", "delete"]) {
      expect(outcomes.find((o) => o.name === name)?.error, name).toBeInstanceOf(DomainError);
    }
    console.info(`K3 figures: ${outcomes.map((o) => `${o.name} ${o.ms} ms`).join(", ")}`);
    expect(await tableDigests(db)).toEqual(before);
    // The pool recovers at once.
    const after = await timed(() => inviteUser(db, alice, inviteInput(alice, "k3-after@example.test")));
    expect(after.error).toBeUndefined();
  });
}, "needs real Postgres (set DATABASE_URL): PGlite has no connection pool to exhaust");

describePostgres("K6: a command blocked on a held lock answers BUSY after lock_timeout instead of hanging", () => {
  it("every app connection has lock_timeout 5 s, statement_timeout 15 s, idle_in_transaction_session_timeout 30 s", async () => {
    const pool = poolOf(db);
    const clients = await Promise.all(Array.from({ length: 3 }, () => pool.connect()));
    try {
      for (const client of clients) {
        const { rows } = await client.query<{ l: string; s: string; i: string }>(
          "SELECT current_setting('lock_timeout') AS l, current_setting('statement_timeout') AS s, current_setting('idle_in_transaction_session_timeout') AS i",
        );
        expect(rows[0]).toEqual({ l: "5s", s: "15s", i: "30s" });
      }
    } finally {
      for (const client of clients) client.release();
    }
  });

  it("client X holds the tenant row and an org row: invite, developer mode and a demotion each answer BUSY in ~5 s; then succeed", async () => {
    const [extraAdmin] = await addUsers(db, mullerId, ["k6-admin-1@muller.test", "k6-admin-2@muller.test"], "admin");
    const muller = await actorFor(db, "admin@acme.test", mullerId);
    x = await openClient();
    await holdRowLock(x, "tenants", globexId);
    await x.query("SELECT id FROM organizations WHERE id = $1 FOR UPDATE", [mullerId]);
    const before = await tableDigests(db);

    const blocked = await Promise.all([
      timed(() => inviteUser(db, gil, inviteInput(gil, "k6-new@example.test"))),
      timed(() => setDeveloperMode(db, gil, { enabled: false })),
      timed(() => changeRoles(db, muller, { orgId: mullerId, userIds: [extraAdmin!], role: "user" })),
    ]);
    for (const [i, o] of blocked.entries()) {
      expect(o.error, `command ${i}: ${String(o.error)}`).toBeInstanceOf(DomainError);
      expect(o.error).toMatchObject(BUSY);
    }
    console.info(`K6 figures: blocked commands answered BUSY after ${blocked.map((o) => `${o.ms} ms`).join(", ")}`);
    expect(await tableDigests(db)).toEqual(before);

    await x.query("ROLLBACK");
    await inviteUser(db, gil, inviteInput(gil, "k6-new@example.test"));
    await setDeveloperMode(db, gil, { enabled: false });
    const demoted = await changeRoles(db, muller, { orgId: mullerId, userIds: [extraAdmin!], role: "user" });
    expect(demoted).toEqual({ done: [extraAdmin], skipped: [] });
  });
}, "needs real Postgres (set DATABASE_URL): PGlite runs one connection, so no other session can hold a lock against a command");
