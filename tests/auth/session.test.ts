import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { sessions, users } from "@/db/schema";
import { DEMO_PASSWORD } from "@/db/seed";
import { logIn, type LoginSuccess } from "@/lib/auth/login";
import { loadViewer, revokeSession, type SessionClaims } from "@/lib/auth/session-check";
import { freshDemoDb } from "../helpers/db";

let db: Db;
let login: LoginSuccess;
let claims: SessionClaims;
const limits = { idleMinutes: 30, maxHours: 12 };

beforeEach(async () => {
  db = await freshDemoDb();
  login = (await logIn(db, { email: "staff@acme.test", password: DEMO_PASSWORD, ip: "127.0.0.1", userAgent: null }))!;
  claims = { sid: login.sessionId, uid: login.userId, sv: login.sessionVersion };
});

const minutes = (n: number) => new Date(Date.now() + n * 60_000);

describe("loadViewer: the database decides whether a session is alive", () => {
  it("returns the viewer with their org and plan, and no secrets", async () => {
    const viewer = await loadViewer(db, claims, new Date(), limits);
    expect(viewer).toMatchObject({ email: "staff@acme.test", role: "staff", tenant: { name: "Acme Heating", plan: "pro" }, org: { name: "Acme Heating", depth: 1 } });
    const keys = JSON.stringify(viewer);
    for (const secret of ["passwordHash", "tokenHash", "sessionVersion", "$argon2"]) expect(keys).not.toContain(secret);
  });

  it("treats a revoked session (logout) as logged out", async () => {
    await revokeSession(db, claims.sid);
    expect(await loadViewer(db, claims, new Date(), limits)).toBeNull();
  });

  it("treats a bumped session version (force logout, role change) as logged out", async () => {
    await db.update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, claims.uid));
    expect(await loadViewer(db, claims, new Date(), limits)).toBeNull();
  });

  it("treats a suspended, pending or deleted user as logged out", async () => {
    await db.update(users).set({ suspendedAt: new Date() }).where(eq(users.id, claims.uid));
    expect(await loadViewer(db, claims, new Date(), limits)).toBeNull();
    await db.update(users).set({ suspendedAt: null, acceptedAt: null }).where(eq(users.id, claims.uid));
    expect(await loadViewer(db, claims, new Date(), limits)).toBeNull();
    await db.delete(users).where(eq(users.id, claims.uid));
    expect(await loadViewer(db, claims, new Date(), limits)).toBeNull();
  });

  it("refuses a session idle for more than 30 minutes, and slides while in use", async () => {
    expect(await loadViewer(db, claims, minutes(20), limits)).not.toBeNull();
    // That visit moved last_seen_at, so 20 more minutes is still within the idle window.
    expect(await loadViewer(db, claims, minutes(40), limits)).not.toBeNull();
    expect(await loadViewer(db, claims, minutes(71), limits)).toBeNull();
  });

  it("refuses a session older than 12 hours even when active", async () => {
    await db.update(sessions).set({ createdAt: minutes(-12 * 60 - 1), lastSeenAt: new Date() }).where(eq(sessions.id, claims.sid));
    expect(await loadViewer(db, claims, new Date(), limits)).toBeNull();
  });

  it("refuses claims that do not match the session row", async () => {
    const other = (await logIn(db, { email: "admin@acme.test", password: DEMO_PASSWORD, ip: "127.0.0.1", userAgent: null }))!;
    expect(await loadViewer(db, { ...claims, uid: other.userId }, new Date(), limits)).toBeNull();
    expect(await loadViewer(db, { ...claims, sid: crypto.randomUUID() }, new Date(), limits)).toBeNull();
  });

  it("honours configured limits", async () => {
    expect(await loadViewer(db, claims, minutes(6), { idleMinutes: 5, maxHours: 12 })).toBeNull();
  });
});
