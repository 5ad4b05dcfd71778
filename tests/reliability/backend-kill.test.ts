// security.md K5 (with I7 and J5) on real Postgres: client X holds a row lock a command needs;
// the command blocks; X terminates the command's backend with pg_terminate_backend. The command
// fails with a generic error, leaves no partial write (not even the writes it made before it
// blocked), the browser sees no SQL, and the next command succeeds on the same pool.
import { eq, inArray, sql } from "drizzle-orm";
import type pg from "pg";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { devices, userTokens, users } from "@/db/schema";
import { toResult } from "@/lib/action";
import { pgCode } from "@/lib/commands/transaction";
import { DomainError } from "@/lib/errors";


import { hashToken } from "@/lib/users/tokens";
import { actorFor, orgIdByName } from "../helpers/actors";
import { freshDemoDb } from "../helpers/db";
import { tableDigests } from "../helpers/db-state";
import { backendPid, captureCheckedOutClientErrors, closeQuietly, holdRowLock, openClient, waitForBlockedBackend } from "../helpers/pg-clients";
import { addDevices, addUsers, invitationTokenFor } from "../helpers/race-fixtures";
import { describePostgres, poolOf } from "../helpers/race";
import { acceptInvitation, changeRoles, deleteUsers, inviteUser } from "../helpers/commands";

const REQUEST_ID = "7a1b2c3d-0000-4000-8000-000000000000";
const PASSWORD = "violet-harbour-lantern-42";

let db: Db;
let mullerId: string;
let x: pg.Client | undefined;
let monitor: pg.Client | undefined;
let clientErrors: ReturnType<typeof captureCheckedOutClientErrors> | undefined;

beforeEach(async () => {
  db = await freshDemoDb();
  mullerId = await orgIdByName(db, "Muller Boiler Group");
  x = await openClient();
  monitor = await openClient();
  clientErrors = captureCheckedOutClientErrors(poolOf(db));
});

afterEach(async () => {
  vi.restoreAllMocks();
  clientErrors?.dispose();
  await closeQuietly(x, monitor);
  x = monitor = undefined;
});

/**
 * Starts `command`, waits until its backend blocks on X's lock, terminates that backend from X,
 * and returns what the command threw, what the browser would see and what was logged.
 */
async function killWhileBlocked(command: () => Promise<unknown>) {
  const logged: string[] = [];
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(" ")));
  const settled = command().then(
    () => new Error("the command finished although its backend was terminated"),
    (error: unknown) => error,
  );
  const victim = await waitForBlockedBackend(monitor!, await backendPid(x!));
  const { rows } = await x!.query<{ ok: boolean }>("SELECT pg_terminate_backend($1) AS ok", [victim.pid]);
  expect(rows[0]?.ok).toBe(true);
  const error = await settled;
  await x!.query("ROLLBACK");
  // The killed connection also announced itself as an 'error' event (see captureCheckedOutClientErrors).
  await vi.waitFor(() => expect(clientErrors!.errors).toContain("Connection terminated unexpectedly"));
  const shown = toResult(error, REQUEST_ID);
  return { error, shown, logged, blockedOn: victim.query };
}

function expectGenericFailure(outcome: Awaited<ReturnType<typeof killWhileBlocked>>) {
  expect(outcome.error).not.toBeInstanceOf(DomainError);
  // 57P01 admin_shutdown, or the driver's "connection terminated" when the socket closed first.
  const code = pgCode(outcome.error);
  if (code) expect(code).toBe("57P01");
  expect(outcome.shown).toEqual({ ok: false, code: "ERROR", refusal: "UNEXPECTED", message: "Something went wrong. Try again; if it keeps happening, quote 7a1b2c3d." });
  const message = outcome.shown.ok ? "" : outcome.shown.message.toLowerCase();
  for (const leak of ["select", "update", "insert", "from", "/work/", "at "]) expect(message).not.toContain(leak);
}

describePostgres("K5: a backend killed mid-transaction leaves no partial write", () => {
  it("a demotion blocked on X's org lock is killed: generic error, nothing written, the next command succeeds", async () => {
    const [a, b] = await addUsers(db, mullerId, ["k5-a@muller.test", "k5-b@muller.test"], "admin");
    const alice = await actorFor(db, "admin@acme.test", mullerId);
    const before = await tableDigests(db);
    await holdRowLock(x!, "organizations", mullerId);

    const outcome = await killWhileBlocked(() => changeRoles(db, alice, { orgId: mullerId, userIds: [a!], role: "user" }));
    expect(outcome.blockedOn.toLowerCase()).toContain("organizations");
    expectGenericFailure(outcome);
    expect(await tableDigests(db)).toEqual(before);

    await expect(changeRoles(db, alice, { orgId: mullerId, userIds: [a!], role: "user" })).resolves.toEqual({ done: [a], skipped: [] });
    const rows = await db.select({ id: users.id, role: users.role }).from(users).where(inArray(users.id, [a!, b!]));
    expect(new Map(rows.map((r) => [r.id, r.role]))).toEqual(new Map([[a, "user"], [b, "admin"]]));
  });

  it("a bulk delete killed after it moved the devices and while it waits for the actor's row: devices and users are all back", async () => {
    const ids = await addUsers(db, mullerId, ["k5-d1@muller.test", "k5-d2@muller.test"], "user");
    await addDevices(db, ids);
    const alice = await actorFor(db, "admin@acme.test", mullerId);
    const before = await tableDigests(db);
    // The device-count trigger updates the receiving Admin's row: X holding it blocks the
    // command after its first write (devices moved), before the users are deleted.
    await holdRowLock(x!, "users", alice.viewer.userId);

    const outcome = await killWhileBlocked(() => deleteUsers(db, alice, { orgId: mullerId, userIds: ids, confirm: "DELETE" }));
    expect(outcome.blockedOn.toLowerCase()).toContain("devices");
    expectGenericFailure(outcome);
    expect(await tableDigests(db)).toEqual(before);
    const owners = await db.select({ ownerId: devices.ownerId }).from(devices).where(inArray(devices.ownerId, ids));
    expect(owners).toHaveLength(2);

    const done = await deleteUsers(db, alice, { orgId: mullerId, userIds: ids, confirm: "DELETE" });
    expect(done.done.sort()).toEqual([...ids].sort());
  });

  it("an invitation accept killed after it consumed the token: the token is usable again, and the log line holds no secret", async () => {
    const admin = await actorFor(db, "admin@acme.test");
    const email = "k5-invitee@example.test";
    const { userId } = await inviteUser(db, admin, { orgId: admin.org.id, name: "Invitee", email, role: "user", locationIds: [] });
    const token = await invitationTokenFor(db, email);
    const before = await tableDigests(db);
    // consumeToken has already marked the token used when the user update blocks on X.
    await holdRowLock(x!, "users", userId);

    const outcome = await killWhileBlocked(() => acceptInvitation(db, { token, password: PASSWORD }, { ip: "10.5.5.5" }));
    expect(outcome.blockedOn.toLowerCase()).toContain("update \"users\"");
    expectGenericFailure(outcome);
    // Nothing of the attempt remains (the wrong-token throttle is not touched: it was no wrong token).
    expect(await tableDigests(db)).toEqual(before);
    const [tokenRow] = await db.select({ usedAt: userTokens.usedAt }).from(userTokens).where(eq(userTokens.tokenHash, hashToken(token)));
    expect(tokenRow?.usedAt).toBeNull();
    // security.md J4: the server's log line for the failure carries no password hash, token or token hash.
    const log = outcome.logged.join("\n");
    expect(log).toContain(REQUEST_ID);
    for (const secret of ["$argon2", token, hashToken(token), PASSWORD]) expect(log).not.toContain(secret);

    await expect(acceptInvitation(db, { token, password: PASSWORD }, { ip: "10.5.5.5" })).resolves.toEqual({ email });
    const count = await db.execute<{ n: string }>(sql`select count(*) as n from users where email = ${email} and accepted_at is not null`);
    expect(Number(count.rows[0]?.n)).toBe(1);
  });

  // db/client.ts listens on every client it connects, so a backend killed mid-transaction is logged,
  // not an uncaught exception.
  it("a client checked out by a transaction has an 'error' listener", async () => {
    clientErrors?.dispose();
    const pool = poolOf(db);
    const listeners: number[] = [];
    const acquired: pg.PoolClient[] = [];
    // pg-pool emits 'acquire' before it removes its idle listener: count inside the transaction.
    const onAcquire = (client: pg.PoolClient) => void acquired.push(client);
    pool.on("acquire", onAcquire);
    try {
      await db.transaction(async (tx) => {
        await tx.execute(sql`select 1`);
        listeners.push(...acquired.map((client) => client.listenerCount("error")));
      });
    } finally {
      pool.off("acquire", onAcquire);
    }
    expect(listeners).toHaveLength(1);
    expect(listeners[0]).toBeGreaterThan(0);
  });
}, "needs real Postgres (set DATABASE_URL): PGlite has no server backends to lock rows or to terminate");
