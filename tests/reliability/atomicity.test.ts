// security.md I7 (and J5): one command, one transaction. A fault injected into the command's
// last statement (its audit insert, via a trigger in the test database) rolls back every write
// before it: the change, tokens, sessions, devices, outbox rows and audit rows. The trigger's
// message reports what the transaction had already written when it failed, so the test shows
// there was something to roll back. Runs on PGlite and on Postgres.
import { eq, like, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, outbox, sessions, users } from "@/db/schema";
import { toResult } from "@/lib/action";
import { DomainError } from "@/lib/errors";




import { actorFor, orgIdByName } from "../helpers/actors";
import { freshDemoDb } from "../helpers/db";
import { FAULT_PREFIX, failAuditInserts, tableDigests } from "../helpers/db-state";
import { addDevices, addUsers, invitationTokenFor } from "../helpers/race-fixtures";
import { acceptInvitation, changeRoles, deleteUsers, inviteUser, suspendUsers, transferUser } from "../helpers/commands";

let db: Db;
let removeFault: (() => Promise<void>) | undefined;
let mullerId: string;
let marshId: string;

beforeEach(async () => {
  db = await freshDemoDb();
  mullerId = await orgIdByName(db, "Muller Boiler Group");
  marshId = await orgIdByName(db, "Marsh Residence");
});

afterEach(async () => {
  await removeFault?.();
  removeFault = undefined;
});

/** Every message along an error's cause chain (Drizzle wraps the driver's error). */
function messages(error: unknown): string {
  const out: string[] = [];
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) out.push(e instanceof Error ? e.message : String(e));
  return out.join(" <- ");
}

async function injectFault(): Promise<void> {
  removeFault = await failAuditInserts(db);
}

/** Runs a command that must fail on the injected fault; asserts nothing it wrote survived. */
async function failsLeavingNothing(run: () => Promise<unknown>): Promise<string> {
  const before = await tableDigests(db);
  const error = await run().then(
    () => new Error("the command succeeded despite the injected fault"),
    (thrown: unknown) => thrown,
  );
  const text = messages(error);
  expect(text).toContain("injected fault");
  // Not a refusal a person can act on: the action layer shows a generic message with an id, no SQL.
  expect(error).not.toBeInstanceOf(DomainError);
  const shown = toResult(error, "5f0c1d2e-0000-4000-8000-000000000000");
  expect(shown).toEqual({ ok: false, code: "ERROR", refusal: "UNEXPECTED", message: "Something went wrong. Try again; if it keeps happening, quote 5f0c1d2e." });
  expect(await tableDigests(db)).toEqual(before);
  const [audits] = await db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(like(auditLog.targetLabel, `${FAULT_PREFIX}%`));
  const [mails] = await db.select({ n: sql<number>`count(*)::int` }).from(outbox).where(like(outbox.toAddress, `${FAULT_PREFIX}%`));
  expect({ audits: audits?.n, mails: mails?.n }).toEqual({ audits: 0, mails: 0 });
  return text;
}

describe("I7: a failure after the first write leaves nothing behind", () => {
  it("invite: the pending user, token and invitation email are rolled back with the failed audit row", async () => {
    const alice = await actorFor(db, "admin@acme.test");
    await injectFault();
    const email = `${FAULT_PREFIX}new@example.test`;
    const text = await failsLeavingNothing(() => inviteUser(db, alice, { orgId: alice.org.id, name: "Faulty", email, role: "user", locationIds: [] }));
    // Inside the transaction the user and its email existed when the fault hit.
    expect(text).toMatch(/users=1 .*outbox=1/);
    expect(await db.select().from(users).where(eq(users.email, email))).toEqual([]);
    // The same invite succeeds once the fault is gone: nothing half-done blocks it.
    await removeFault!();
    removeFault = undefined;
    await inviteUser(db, alice, { orgId: alice.org.id, name: "Faulty", email, role: "user", locationIds: [] });
    expect(await db.select({ n: sql<number>`count(*)::int` }).from(outbox).where(eq(outbox.toAddress, email))).toEqual([{ n: 1 }]);
  });

  it("bulk delete: users, their moved devices and the device counts are all restored", async () => {
    const ids = await addUsers(db, mullerId, [`${FAULT_PREFIX}a@muller.test`, `${FAULT_PREFIX}b@muller.test`], "user");
    await addDevices(db, ids);
    const alice = await actorFor(db, "admin@acme.test", mullerId);
    await injectFault();
    const text = await failsLeavingNothing(() => deleteUsers(db, alice, { orgId: mullerId, userIds: ids, confirm: "DELETE" }));
    // The users were already deleted and their devices moved when the audit insert failed.
    expect(text).toMatch(/users=0 .*devices=0/);
    expect(await db.select({ id: users.id }).from(users).where(like(users.email, `${FAULT_PREFIX}%`))).toHaveLength(2);
  });

  it("suspend: suspension, session version and revoked sessions are rolled back", async () => {
    const [id] = await addUsers(db, mullerId, [`${FAULT_PREFIX}s@muller.test`], "user");
    await db.insert(sessions).values({ tenantId: (await actorFor(db, "admin@acme.test")).viewer.tenant.id, userId: id!, ip: "127.0.0.1" });
    const alice = await actorFor(db, "admin@acme.test", mullerId);
    await injectFault();
    const text = await failsLeavingNothing(() => suspendUsers(db, alice, { orgId: mullerId, userIds: [id!] }));
    expect(text).toContain("suspended=1");
  });

  it("transfer: the move, the devices and the two notification emails are rolled back", async () => {
    const [id] = await addUsers(db, mullerId, [`${FAULT_PREFIX}t@muller.test`], "user");
    await addDevices(db, [id!]);
    await addUsers(db, marshId, ["marsh-admin@marsh.test"], "admin");
    const alice = await actorFor(db, "admin@acme.test");
    await injectFault();
    const text = await failsLeavingNothing(() => transferUser(db, alice, { orgId: alice.org.id, userId: id!, destination: { orgId: marshId }, role: "staff" }));
    expect(text).toMatch(/role=staff outbox=1/);
  });

  it("change role: the new role is rolled back", async () => {
    const [id] = await addUsers(db, mullerId, [`${FAULT_PREFIX}r@muller.test`], "staff");
    const alice = await actorFor(db, "admin@acme.test", mullerId);
    await injectFault();
    const text = await failsLeavingNothing(() => changeRoles(db, alice, { orgId: mullerId, userIds: [id!], role: "user" }));
    expect(text).toContain("role=user");
  });

  it("accept invitation: the token is not burned by a failed attempt, and works afterwards", async () => {
    const alice = await actorFor(db, "admin@acme.test");
    const email = `${FAULT_PREFIX}inv@example.test`;
    const { userId } = await inviteUser(db, alice, { orgId: alice.org.id, name: "Invitee", email, role: "user", locationIds: [] });
    const token = await invitationTokenFor(db, email);
    await db.execute(sql`TRUNCATE audit_log`);
    await db.delete(outbox);
    await injectFault();
    const before = await tableDigests(db);
    const error = await acceptInvitation(db, { token, password: "violet-harbour-lantern-42" }, { ip: "10.9.9.9" }).then(
      () => new Error("accepted despite the fault"),
      (e: unknown) => e,
    );
    expect(messages(error)).toContain("injected fault");
    expect(await tableDigests(db)).toEqual(before);
    await removeFault!();
    removeFault = undefined;
    await expect(acceptInvitation(db, { token, password: "violet-harbour-lantern-42" }, { ip: "10.9.9.9" })).resolves.toEqual({ email });
    const [row] = await db.select({ acceptedAt: users.acceptedAt }).from(users).where(eq(users.id, userId));
    expect(row?.acceptedAt).toBeInstanceOf(Date);
  });
});
