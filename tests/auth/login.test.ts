import { count, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, sessions, users } from "@/db/schema";
import { DEMO_PASSWORD } from "@/db/seed";
import { logIn } from "@/lib/auth/login";
import { hashingStats } from "@/lib/auth/password";
import { freshDemoDb } from "../helpers/db";
import { userByEmail } from "../helpers/demo";

let db: Db;
beforeEach(async () => {
  db = await freshDemoDb();
});

const attempt = (email: string, password: string, ip = "10.0.0.1", now?: Date) => logIn(db, { email, password, ip, userAgent: "vitest", now });

describe("logIn", () => {
  it("opens a fresh session for the right password, with a new id each time", async () => {
    const first = await attempt("admin@acme.test", DEMO_PASSWORD);
    const second = await attempt("Admin@Acme.test ", DEMO_PASSWORD);
    expect(first).not.toBeNull();
    expect(second).not.toBeNull();
    expect(first!.sessionId).not.toBe(second!.sessionId);
    const [row] = await db.select({ n: count() }).from(sessions).where(eq(sessions.userId, first!.userId));
    expect(row!.n).toBe(2);
    expect((await userByEmail(db, "admin@acme.test")).lastLoginAt!.getTime()).toBeGreaterThan(Date.now() - 10_000);
  });

  it("answers unknown email, wrong password, pending and suspended users identically", async () => {
    const pending = await userByEmail(db, "user@acme.test");
    await db.update(users).set({ acceptedAt: null }).where(eq(users.id, pending.id));
    await db.update(users).set({ suspendedAt: new Date() }).where(eq(users.email, "staff@acme.test"));
    const results = [
      await attempt("nobody@acme.test", DEMO_PASSWORD),
      await attempt("admin@acme.test", "wrong-password"),
      await attempt("user@acme.test", DEMO_PASSWORD),
      await attempt("staff@acme.test", DEMO_PASSWORD),
    ];
    expect(results).toEqual([null, null, null, null]);
    const [opened] = await db.select({ n: count() }).from(sessions);
    expect(opened!.n).toBe(0);
  });

  it("runs exactly one hash verify for an unknown email, as for a known one", async () => {
    const before = hashingStats.verifications;
    await attempt("nobody@acme.test", "whatever-password");
    expect(hashingStats.verifications - before).toBe(1);
    await attempt("admin@acme.test", "whatever-password");
    expect(hashingStats.verifications - before).toBe(2);
  });

  it("does not verify a password that differs only in case", async () => {
    expect(await attempt("admin@acme.test", DEMO_PASSWORD.toUpperCase())).toBeNull();
  });

  it("refuses malformed input without touching the database", async () => {
    expect(await logIn(db, { email: { $ne: "" }, password: DEMO_PASSWORD, ip: "1.1.1.1", userAgent: null })).toBeNull();
    expect(await logIn(db, { email: "admin@acme.test", password: "x".repeat(10_000), ip: "1.1.1.1", userAgent: null })).toBeNull();
    expect(await logIn(db, { email: "admin＠acme.test", password: DEMO_PASSWORD, ip: "1.1.1.1", userAgent: null })).toBeNull();
  });

  it("locks an (email, IP) pair after 10 failures for 15 minutes, before any hash runs", async () => {
    const now = new Date();
    for (let i = 0; i < 10; i++) expect(await attempt("admin@acme.test", `wrong-${i}`, "10.0.0.1", now)).toBeNull();
    const before = hashingStats.verifications;
    expect(await attempt("admin@acme.test", DEMO_PASSWORD, "10.0.0.1", now)).toBeNull();
    expect(hashingStats.verifications).toBe(before);
    // Another IP is not locked out by the attacker's failures.
    expect(await attempt("admin@acme.test", DEMO_PASSWORD, "10.0.0.2", now)).not.toBeNull();
    // 15 minutes later the pair may try again.
    const later = new Date(now.getTime() + 15 * 60_000 + 1_000);
    expect(await attempt("admin@acme.test", DEMO_PASSWORD, "10.0.0.1", later)).not.toBeNull();
  });

  it("throttles unknown emails the same way", async () => {
    const now = new Date();
    for (let i = 0; i < 10; i++) await attempt("ghost@nowhere.test", "x-password", "10.0.0.9", now);
    const before = hashingStats.verifications;
    expect(await attempt("ghost@nowhere.test", "x-password", "10.0.0.9", now)).toBeNull();
    expect(hashingStats.verifications).toBe(before);
  });

  it("caps failures per account at 100 an hour across IPs", async () => {
    const now = new Date();
    for (let i = 0; i < 100; i++) await attempt("w@muller.test", "bad-password", `10.1.${Math.floor(i / 9)}.${i % 9}`, now);
    expect(await attempt("w@muller.test", DEMO_PASSWORD, "10.9.9.9", now)).toBeNull();
  }, 60_000);

  it("audits successes and failures", async () => {
    await attempt("admin@acme.test", DEMO_PASSWORD);
    await attempt("admin@acme.test", "nope-nope");
    const rows = await db.select({ action: auditLog.action }).from(auditLog).orderBy(auditLog.id);
    expect(rows.map((r) => r.action)).toEqual(["authn_login_success", "authn_login_fail"]);
  });

  it("re-hashes a password stored with weaker parameters", async () => {
    const { hash } = await import("@node-rs/argon2");
    const weak = await hash(DEMO_PASSWORD, { algorithm: 2, memoryCost: 4096, timeCost: 1, parallelism: 1 });
    await db.update(users).set({ passwordHash: weak }).where(eq(users.email, "staff@acme.test"));
    expect(await attempt("staff@acme.test", DEMO_PASSWORD)).not.toBeNull();
    expect((await userByEmail(db, "staff@acme.test")).passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });
});
