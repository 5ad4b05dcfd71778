import "server-only";
import { createHash } from "node:crypto";
import { isIP } from "node:net";
import { and, eq, gt, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { authThrottle } from "@/db/schema";

export type ThrottleRule = { limit: number; windowMs: number; blockMs: number };

const MINUTE = 60_000;
// security.md H1. A browser that has logged in to the account before (a trusted device,
// lib/auth/device-cookie.ts) is counted on its own key only, so nobody else's failures — on the
// account or from its network — lock its owner out. Everyone else is counted per (email,
// address), per address and per account. Per-address blocks last minutes, never a day.
export const LOGIN_RULES = {
  device: { limit: 10, windowMs: 15 * MINUTE, blockMs: 15 * MINUTE },
  emailIp: { limit: 10, windowMs: 15 * MINUTE, blockMs: 15 * MINUTE },
  ip: { limit: 50, windowMs: 15 * MINUTE, blockMs: 15 * MINUTE },
  account: { limit: 100, windowMs: 60 * MINUTE, blockMs: 60 * MINUTE },
} satisfies Record<string, ThrottleRule>;

type LoginRuleName = keyof typeof LOGIN_RULES;
export type LoginKey = { key: string; rule: LoginRuleName };

/**
 * The part of an address that limits count by: the whole IPv4 address, or the /64 network of an
 * IPv6 one (a single host is usually given a whole /64 and could walk through it).
 */
export function addressBucket(ip: string): string {
  if (isIP(ip) !== 6) return ip;
  // An IPv4 client of a server listening on IPv6 ("::ffff:203.0.113.7") is that IPv4 address.
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (mapped) return mapped[1]!;
  const [head = "", tail = ""] = ip.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = ip.includes("::") ? [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, "")).join(":")}::/64`;
}

/** An email as a counter's key names it: hashed, so the throttle table holds no addresses. */
export function emailKey(email: string): string {
  return createHash("sha256").update(email).digest("base64url");
}

/** The counters a login attempt is judged by: its trusted device's alone, or the three of an untrusted client. */
export function loginKeys(email: string, ip: string, trustedDevice: string | null): LoginKey[] {
  if (trustedDevice) return [{ key: `login:device:${trustedDevice}`, rule: "device" }];
  const address = addressBucket(ip);
  return [
    { key: `login:email-ip:${emailKey(email)}|${address}`, rule: "emailIp" },
    { key: `login:ip:${address}`, rule: "ip" },
    { key: `login:account:${emailKey(email)}`, rule: "account" },
  ];
}

export async function isBlocked(db: Executor, key: string, now: Date): Promise<boolean> {
  const [row] = await db.select({ blockedUntil: authThrottle.blockedUntil }).from(authThrottle).where(eq(authThrottle.key, key));
  return !!row?.blockedUntil && row.blockedUntil > now;
}

export type Refusal = { key: string; refused: number };

/**
 * The blocked keys among `keys`, each counting this attempt as one more refused: a single
 * statement, so a flood of throttled attempts costs one cheap write each and no audit row
 * (security.md H3, J: the block itself is audited once, when it starts).
 */
export async function refuseIfBlocked(db: Executor, keys: readonly string[], now: Date): Promise<Refusal[]> {
  if (keys.length === 0) return [];
  return db
    .update(authThrottle)
    .set({ refused: sql`${authThrottle.refused} + 1` })
    .where(and(inArray(authThrottle.key, [...keys]), gt(authThrottle.blockedUntil, now)))
    .returning({ key: authThrottle.key, refused: authThrottle.refused });
}

export type Hit = { blocked: boolean; blockStarted: boolean; failures: number; blockedUntil: Date | null };

/** Counts one failure (or one use) against a key; says whether the key is now blocked, and whether this hit started the block. */
export async function hit(db: Executor, key: string, rule: ThrottleRule, now: Date): Promise<Hit> {
  const windowStart = new Date(now.getTime() - rule.windowMs);
  const blockedUntil = new Date(now.getTime() + rule.blockMs);
  const failures = sql`(CASE WHEN ${authThrottle.windowStart} < ${windowStart} THEN 1 ELSE ${authThrottle.failures} + 1 END)`;
  const starts = sql`(${authThrottle.blockedUntil} IS NULL OR ${authThrottle.blockedUntil} <= ${now}) AND ${failures} >= ${rule.limit}`;
  // One upsert, so concurrent failures cannot lose a count.
  const [row] = await db
    .insert(authThrottle)
    .values({ key, failures: 1, windowStart: now, blockedUntil: rule.limit <= 1 ? blockedUntil : null })
    .onConflictDoUpdate({
      target: authThrottle.key,
      set: {
        failures,
        windowStart: sql`CASE WHEN ${authThrottle.windowStart} < ${windowStart} THEN ${now} ELSE ${authThrottle.windowStart} END`,
        blockedUntil: sql`CASE WHEN ${authThrottle.blockedUntil} > ${now} THEN ${authThrottle.blockedUntil} WHEN ${starts} THEN ${blockedUntil} ELSE NULL END`,
        refused: sql`CASE WHEN ${starts} THEN 0 ELSE ${authThrottle.refused} END`,
      },
    })
    .returning({ blockedUntil: authThrottle.blockedUntil, failures: authThrottle.failures });
  const until = row?.blockedUntil ?? null;
  const blocked = !!until && until > now;
  return { blocked, blockStarted: blocked && until!.getTime() === blockedUntil.getTime(), failures: row?.failures ?? 0, blockedUntil: until };
}

export type Counted = LoginKey & Hit;

/**
 * Counts an attempt against every key before its password is checked, so attempts sent in
 * parallel cannot all slip past a limit while it is still being counted: at most `limit`
 * attempts per key reach the hash. Returns the counts, or null when this attempt is over a limit
 * (a parallel one got there first).
 */
export async function countAttempt(db: Executor, keys: readonly LoginKey[], now: Date): Promise<Counted[] | null> {
  const counted: Counted[] = [];
  for (const key of keys) counted.push({ ...key, ...(await hit(db, key.key, LOGIN_RULES[key.rule], now)) });
  return counted.some((c) => c.failures > LOGIN_RULES[c.rule].limit) ? null : counted;
}

/**
 * A success gives its attempt back: the consecutive-failure counter it was judged by first is
 * reset, the others lose this attempt, and a block this very attempt started is lifted.
 */
export async function releaseAttempt(db: Executor, counted: readonly Counted[]): Promise<void> {
  const [consecutive, ...others] = counted;
  if (consecutive) await db.delete(authThrottle).where(eq(authThrottle.key, consecutive.key));
  for (const c of others) {
    await db
      .update(authThrottle)
      .set({ failures: sql`GREATEST(${authThrottle.failures} - 1, 0)`, ...(c.blockStarted ? { blockedUntil: null } : {}) })
      .where(eq(authThrottle.key, c.key));
  }
}
