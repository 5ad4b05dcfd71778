// The profile's session buttons: "end my other sessions" keeps this one; "log out everywhere"
// ends them all. Nobody else's session is touched.
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { loadViewer, type SessionClaims } from "@/lib/auth/session-check";
import { endAllOwnSessions, endOwnOtherSessions } from "@/lib/users/commands/own-sessions";
import { freshDemoDb } from "../helpers/db";
import { actorOfSession, openSession } from "../helpers/fixtures";

let db: Db;
let mine: SessionClaims[];
let someoneElse: SessionClaims;
const alive = async (claims: SessionClaims) => (await loadViewer(db, claims)) !== null;

beforeEach(async () => {
  db = await freshDemoDb();
  mine = [await openSession(db, "admin@acme.test"), await openSession(db, "admin@acme.test"), await openSession(db, "admin@acme.test")];
  someoneElse = await openSession(db, "staff@acme.test");
});

describe("own sessions", () => {
  it("ends every other session of mine and keeps this one", async () => {
    await endOwnOtherSessions(db, await actorOfSession(db, mine[0]!));
    expect(await Promise.all(mine.map(alive))).toEqual([true, false, false]);
    expect(await alive(someoneElse)).toBe(true);
  });

  it("logs me out everywhere, this session included", async () => {
    await endAllOwnSessions(db, await actorOfSession(db, mine[1]!));
    expect(await Promise.all(mine.map(alive))).toEqual([false, false, false]);
    expect(await alive(someoneElse)).toBe(true);
  });
});
