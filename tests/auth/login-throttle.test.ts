// security.md H1 and issue 17 items 2 and 6: per-address limits refuse that address for
// minutes, never a day; a browser that logged in to the account before (its device cookie) is
// not locked out by anyone else's failures; throttled attempts are counted, not audited one by one.
import { count, eq, like, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, authThrottle, users } from "@/db/schema";
import { DEMO_PASSWORD } from "@/db/seed";
import { rememberDevice, trustedDeviceId } from "@/lib/auth/device-cookie";
import { logIn } from "@/lib/auth/login";
import { hashingStats } from "@/lib/auth/password";
import { LOGIN_RULES } from "@/lib/auth/throttle";
import { freshDemoDb } from "../helpers/db";
import { describePostgres, warmPool } from "../helpers/race";

const SECRET = "test-secret-for-device-cookies-0123456789";
const MINUTE = 60_000;

let db: Db;
beforeEach(async () => {
  db = await freshDemoDb();
});

type Try = { ip?: string; cookie?: string; now?: Date };
const attempt = (email: string, password: string, { ip = "10.0.0.1", cookie, now }: Try = {}) =>
  logIn(db, { email, password, ip, userAgent: "vitest", now, device: { cookie, secret: SECRET } });

/** A browser that has logged in to `email` once: its device cookie. */
async function trustedBrowser(email: string, now: Date): Promise<string> {
  const ok = await attempt(email, DEMO_PASSWORD, { ip: "192.0.2.10", now });
  expect(ok?.deviceCookie).toBeTruthy();
  return ok!.deviceCookie!;
}

const auditCount = async (action: string) => (await db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, action)))[0]!.n;

describe("device cookies", () => {
  const alice = { id: "7d0c1d2e-0000-4000-8000-00000000000a", sessionVersion: 1 };
  const bob = { id: "7d0c1d2e-0000-4000-8000-00000000000b", sessionVersion: 1 };

  it("are signed per account and session version: another account's, an older version's, a forged or a mangled entry is not trusted", () => {
    const cookie = rememberDevice(undefined, alice, SECRET);
    expect(trustedDeviceId(cookie, alice, SECRET)).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(trustedDeviceId(cookie, bob, SECRET)).toBeNull();
    // A password change or reset, a force logout or a suspension bumps the version.
    expect(trustedDeviceId(cookie, { ...alice, sessionVersion: 2 }, SECRET)).toBeNull();
    expect(trustedDeviceId(cookie, alice, "another-secret-0123456789-0123456789")).toBeNull();
    expect(trustedDeviceId(`${cookie.slice(0, -2)}xx`, alice, SECRET)).toBeNull();
    expect(trustedDeviceId("garbage", alice, SECRET)).toBeNull();
    // The account is not readable from the cookie.
    expect(cookie).not.toContain(alice.id);
  });

  it("remember up to five accounts, the latest first, and keep an account's entry across logins", () => {
    const accounts = Array.from({ length: 6 }, (_, i) => ({ id: `7d0c1d2e-0000-4000-8000-00000000001${i}`, sessionVersion: 1 }));
    let cookie: string | undefined;
    for (const account of accounts) cookie = rememberDevice(cookie, account, SECRET);
    expect(trustedDeviceId(cookie, accounts[0]!, SECRET)).toBeNull();
    const id = trustedDeviceId(cookie, accounts[3]!, SECRET);
    expect(id).not.toBeNull();
    const again = rememberDevice(cookie, accounts[3]!, SECRET);
    expect(trustedDeviceId(again, accounts[3]!, SECRET)).toBe(id);
    expect(again.split("~")).toHaveLength(5);
  });
});

describe("login throttling (security.md H1)", () => {
  it("keeps the owner's browser in while a flood from many addresses blocks the account for everyone else", async () => {
    const now = new Date();
    const cookie = await trustedBrowser("w@muller.test", now);
    for (let i = 0; i < LOGIN_RULES.account.limit; i++) await attempt("w@muller.test", "bad-password", { ip: `10.1.${Math.floor(i / 9)}.${i % 9}`, now });
    // Untrusted clients are refused (the per-account ceiling holds: ≤ 100 failures an hour)…
    expect(await attempt("w@muller.test", DEMO_PASSWORD, { ip: "10.9.9.9", now })).toBeNull();
    // …and the person on their usual browser, from anywhere, still logs in.
    expect(await attempt("w@muller.test", DEMO_PASSWORD, { ip: "10.9.9.9", cookie, now })).not.toBeNull();
  }, 60_000);

  it("blocks a flooding address for minutes, not a day, and never the trusted browsers behind it", async () => {
    const now = new Date();
    const office = "198.51.100.7";
    const cookie = await trustedBrowser("admin@acme.test", now);
    for (let i = 0; i < LOGIN_RULES.ip.limit; i++) await attempt(`random${i}@nowhere.test`, "bad-password", { ip: office, now });
    expect(await attempt("staff@acme.test", DEMO_PASSWORD, { ip: office, now })).toBeNull();
    expect(await attempt("admin@acme.test", DEMO_PASSWORD, { ip: office, cookie, now })).not.toBeNull();
    const later = new Date(now.getTime() + LOGIN_RULES.ip.blockMs + 1_000);
    expect(LOGIN_RULES.ip.blockMs).toBeLessThanOrEqual(15 * MINUTE);
    expect(await attempt("staff@acme.test", DEMO_PASSWORD, { ip: office, now: later })).not.toBeNull();
  }, 60_000);

  it("counts a trusted browser's own failures on its own key: 10 block that browser, which then counts as untrusted", async () => {
    const now = new Date();
    const cookie = await trustedBrowser("admin@acme.test", now);
    for (let i = 0; i < LOGIN_RULES.device.limit; i++) expect(await attempt("admin@acme.test", `wrong-${i}`, { cookie, now })).toBeNull();
    // The account and the address were not counted…
    const rows = await db.select({ key: authThrottle.key, failures: authThrottle.failures }).from(authThrottle);
    expect(rows.filter((r) => r.key.startsWith("login:device:")).map((r) => r.failures)).toEqual([LOGIN_RULES.device.limit]);
    // (The first login, from an untrusted browser, counted there and gave its attempt back.)
    expect(rows.filter((r) => r.key.startsWith("login:account:") || r.key.startsWith("login:ip:")).map((r) => r.failures)).toEqual([0, 0]);
    // …and the blocked browser is now judged like any other client: the right password works from a clean address.
    expect(await attempt("admin@acme.test", DEMO_PASSWORD, { cookie, now })).not.toBeNull();
  });

  it("refuses a throttled attempt before any hash, with one counted refusal and no audit row of its own", async () => {
    const now = new Date();
    for (let i = 0; i < LOGIN_RULES.emailIp.limit; i++) await attempt("admin@acme.test", `wrong-${i}`, { now });
    expect(await auditCount("authn_login_fail")).toBe(LOGIN_RULES.emailIp.limit);
    // The block is audited once, with its count, when it starts.
    const [block] = await db.select().from(auditLog).where(eq(auditLog.action, "authn_login_fail_throttled"));
    expect(block).toMatchObject({ actorEmail: "admin@acme.test", after: { rule: "emailIp", failures: LOGIN_RULES.emailIp.limit } });
    const auditBefore = (await db.select({ n: count() }).from(auditLog))[0]!.n;
    const hashesBefore = hashingStats.verifications;
    for (let i = 0; i < 25; i++) expect(await attempt("admin@acme.test", DEMO_PASSWORD, { now })).toBeNull();
    expect(hashingStats.verifications).toBe(hashesBefore);
    expect((await db.select({ n: count() }).from(auditLog))[0]!.n).toBe(auditBefore);
    const [pair] = await db.select().from(authThrottle).where(like(authThrottle.key, "login:email-ip:%"));
    expect(pair!.refused).toBe(25);
    // The counters name no address: the email is hashed in every key.
    expect((await db.select({ key: authThrottle.key }).from(authThrottle)).map((r) => r.key).join(" ")).not.toContain("admin@acme.test");
  });

  it("gives a successful attempt back: it counts toward no limit afterwards", async () => {
    const now = new Date();
    for (let i = 0; i < 3; i++) await attempt("admin@acme.test", DEMO_PASSWORD, { ip: "10.2.2.2", now });
    const rows = await db.select({ key: authThrottle.key, failures: authThrottle.failures }).from(authThrottle);
    expect(rows.every((r) => r.failures === 0)).toBe(true);
  });

  it("no longer trusts a browser once the account's sessions were ended (here: a force logout)", async () => {
    const now = new Date();
    const cookie = await trustedBrowser("w@muller.test", now);
    await db.update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.email, "w@muller.test"));
    for (let i = 0; i < LOGIN_RULES.account.limit; i++) await attempt("w@muller.test", "bad-password", { ip: `10.3.${Math.floor(i / 9)}.${i % 9}`, now });
    expect(await attempt("w@muller.test", DEMO_PASSWORD, { ip: "10.9.9.9", cookie, now })).toBeNull();
  }, 60_000);

  it("logs the raw rate of refusals: the first of a block and every 100th", async () => {
    const now = new Date();
    const lines: string[] = [];
    const spy = vi.spyOn(console, "warn").mockImplementation((line: unknown) => void lines.push(String(line)));
    try {
      for (let i = 0; i < LOGIN_RULES.emailIp.limit; i++) await attempt("ghost@nowhere.test", "x-password", { now });
      for (let i = 0; i < 100; i++) await attempt("ghost@nowhere.test", "x-password", { now });
    } finally {
      spy.mockRestore();
    }
    const throttled = lines.map((l) => JSON.parse(l) as { msg: string; rule: string; refused: number }).filter((l) => l.msg === "login attempts refused while throttled");
    expect(throttled.map((l) => [l.rule, l.refused])).toEqual([
      ["emailIp", 1],
      ["emailIp", 100],
    ]);
    expect(lines.join("\n")).not.toContain("ghost@nowhere.test");
  });
});

describePostgres("login limits under parallel attempts (H1)", () => {
  it("lets at most `limit` of 30 simultaneous wrong passwords for one (email, address) reach the hash", async () => {
    await warmPool(db, 10);
    const now = new Date();
    const before = hashingStats.verifications;
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => attempt("staff@acme.test", `parallel-${i}`, { ip: "10.8.8.8", now })));
    expect(results.every((r) => r === null)).toBe(true);
    expect(hashingStats.verifications - before).toBeLessThanOrEqual(LOGIN_RULES.emailIp.limit);
    // And the right password from there is refused now, without a hash.
    const blocked = hashingStats.verifications;
    expect(await attempt("staff@acme.test", DEMO_PASSWORD, { ip: "10.8.8.8", now })).toBeNull();
    expect(hashingStats.verifications).toBe(blocked);
  });
});
