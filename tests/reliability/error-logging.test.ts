// security.md J4 and J5 under faults: when a statement that carries a secret fails unexpectedly,
// the browser gets a generic message with a correlation id, and the server's log line has the
// id and the cause but no secret (password hash, token, token hash). The fault is a trigger in
// the test database, so the real statement fails in the real driver. Runs on PGlite and Postgres.
import { inspect } from "node:util";
import { eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { toResult } from "@/lib/action";
import { loadViewer } from "@/lib/auth/session-check";
import { pgCode, pgConstraint } from "@/lib/commands/transaction";
import { users } from "@/db/schema";
import { userByEmail } from "../helpers/demo";
import { hashToken } from "@/lib/users/tokens";
import { actorFor } from "../helpers/actors";
import { freshDemoDb } from "../helpers/db";
import { invitationTokenFor } from "../helpers/race-fixtures";
import { acceptInvitation, inviteUser } from "../helpers/commands";

const PASSWORD = "violet-harbour-lantern-42";
const REQUEST_ID = "0b5e55ed-0000-4000-8000-000000000000";

let db: Db;
beforeEach(async () => {
  db = await freshDemoDb();
});

afterEach(async () => {
  vi.restoreAllMocks();
  await db.execute(sql`DROP TRIGGER IF EXISTS test_fail_password ON users`);
  await db.execute(sql`DROP FUNCTION IF EXISTS test_fail_password()`);
});

describe("J4/J5: an unexpected failure of a statement carrying secrets", () => {
  it("accepting an invitation fails on the password update: generic answer, and the log line holds no hash or token", async () => {
    const admin = await actorFor(db, "admin@acme.test");
    const email = "fault-secret@example.test";
    await inviteUser(db, admin, { orgId: admin.org.id, name: "Invitee", email, role: "user", locationIds: [] });
    const token = await invitationTokenFor(db, email);
    await db.execute(
      sql`CREATE FUNCTION test_fail_password() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN
            IF NEW.email LIKE 'fault-%' AND NEW.password_hash IS DISTINCT FROM OLD.password_hash THEN
              RAISE EXCEPTION 'injected fault: password update refused';
            END IF;
            RETURN NEW;
          END $$`,
    );
    await db.execute(sql`CREATE TRIGGER test_fail_password BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION test_fail_password()`);

    const logged: string[] = [];
    vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(" ")));
    const error = await acceptInvitation(db, { token, password: PASSWORD }, { ip: "10.7.7.7" }).then(
      () => new Error("accepted despite the fault"),
      (e: unknown) => e,
    );
    const shown = toResult(error, REQUEST_ID);

    expect(shown).toEqual({ ok: false, code: "ERROR", refusal: "UNEXPECTED", message: "Something went wrong. Try again; if it keeps happening, quote 0b5e55ed." });
    const log = logged.join("\n");
    // The log is useful: it has the correlation id and says what failed…
    expect(log).toContain(REQUEST_ID);
    expect(log).toContain("injected fault: password update refused");
    // …and carries no secret.
    for (const secret of ["$argon2", PASSWORD, token, hashToken(token)]) expect(log, `log contains ${secret.slice(0, 12)}…`).not.toContain(secret);
  });
});

describe("J4: a failed statement outside any action (a page render, a library) carries no parameter", () => {
  it("a session check that fails in the database is printed without its session and user ids", async () => {
    // A session id that is not a uuid makes Postgres reject the page's first query, with the
    // value quoted in its own message: exactly what a page render would throw and Next.js print.
    const sid = `not-a-uuid-${crypto.randomUUID()}`;
    const uid = crypto.randomUUID();
    const error = await loadViewer(db, { sid, uid, sv: 1 }).then(
      () => new Error("the query did not fail"),
      (e: unknown) => e,
    );
    // What console.error shows for it (Next.js logs page-render errors this way), cause included.
    const printed = [inspect(error, { depth: 5 }), String(error), (error as Error).stack ?? ""].join("\n");
    expect(printed).toContain("Failed query");
    expect(printed).toMatch(/invalid input syntax for type uuid/);
    for (const secret of [sid, uid]) expect(printed, `printed error contains ${secret}`).not.toContain(secret);
    // The SQLSTATE survives, so error mapping (toDomainError) still sees what failed.
    expect(pgCode(error)).toBe("22P02");
  });
});

describe("J4: a constraint violation is printed without the row or key it names", () => {
  it("a check violation: Postgres' detail would print the whole failing row, password hash included; the printed error does not", async () => {
    const admin = await userByEmail(db, "admin@acme.test");
    // Only the name is bound; the row's email and hash reach the error through Postgres' detail alone.
    const error = await db
      .update(users)
      .set({ name: "" })
      .where(eq(users.id, admin.id))
      .then(
        () => new Error("the update did not fail"),
        (e: unknown) => e,
      );
    const printed = [inspect(error, { depth: 5 }), String(error), (error as Error).stack ?? ""].join("\n");
    expect(pgCode(error)).toBe("23514");
    expect(pgConstraint(error)).toBe("users_name_ck");
    expect(printed).not.toContain(admin.passwordHash!);
    expect(printed).not.toContain(admin.email);
  });

  it("a duplicate email: Postgres' detail would name it; the printed error does not, and the mapping still sees the constraint", async () => {
    const admin = await userByEmail(db, "admin@acme.test");
    const error = await db
      .insert(users)
      .values({ tenantId: admin.tenantId, orgId: admin.orgId, email: admin.email, name: "Duplicate", role: "user", registeredAt: new Date() })
      .then(
        () => new Error("the insert did not fail"),
        (e: unknown) => e,
      );
    const printed = [inspect(error, { depth: 5 }), String(error), (error as Error).stack ?? ""].join("\n");
    expect(pgCode(error)).toBe("23505");
    expect(pgConstraint(error)).toBeTruthy();
    expect(printed).not.toContain(admin.email);
  });
});
