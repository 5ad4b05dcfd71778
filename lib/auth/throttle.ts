import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { authThrottle } from "@/db/schema";

export type ThrottleRule = { limit: number; windowMs: number; blockMs: number };

const MINUTE = 60_000;
// security.md H1: 10 consecutive failures per (email, IP) lock that pair for 15 minutes;
// 100 failures per IP per day; 100 per account per hour, whatever the IP.
export const LOGIN_RULES = {
  emailIp: { limit: 10, windowMs: 15 * MINUTE, blockMs: 15 * MINUTE },
  ip: { limit: 100, windowMs: 24 * 60 * MINUTE, blockMs: 24 * 60 * MINUTE },
  account: { limit: 100, windowMs: 60 * MINUTE, blockMs: 60 * MINUTE },
} satisfies Record<string, ThrottleRule>;

function loginKeys(email: string, ip: string) {
  return [
    { key: `login:email-ip:${email}|${ip}`, rule: LOGIN_RULES.emailIp },
    { key: `login:ip:${ip}`, rule: LOGIN_RULES.ip },
    { key: `login:account:${email}`, rule: LOGIN_RULES.account },
  ];
}

export async function isBlocked(db: Executor, key: string, now: Date): Promise<boolean> {
  const [row] = await db.select({ blockedUntil: authThrottle.blockedUntil }).from(authThrottle).where(eq(authThrottle.key, key));
  return !!row?.blockedUntil && row.blockedUntil > now;
}

/** Counts one failure (or one use) against a key; returns true when the key is now blocked. */
export async function hit(db: Executor, key: string, rule: ThrottleRule, now: Date): Promise<boolean> {
  const windowStart = new Date(now.getTime() - rule.windowMs);
  const blockedUntil = new Date(now.getTime() + rule.blockMs);
  // One upsert, so concurrent failures cannot lose a count.
  const [row] = await db
    .insert(authThrottle)
    .values({ key, failures: 1, windowStart: now, blockedUntil: rule.limit <= 1 ? blockedUntil : null })
    .onConflictDoUpdate({
      target: authThrottle.key,
      set: {
        failures: sql`CASE WHEN ${authThrottle.windowStart} < ${windowStart} THEN 1 ELSE ${authThrottle.failures} + 1 END`,
        windowStart: sql`CASE WHEN ${authThrottle.windowStart} < ${windowStart} THEN ${now} ELSE ${authThrottle.windowStart} END`,
        blockedUntil: sql`CASE
          WHEN ${authThrottle.blockedUntil} > ${now} THEN ${authThrottle.blockedUntil}
          WHEN (CASE WHEN ${authThrottle.windowStart} < ${windowStart} THEN 1 ELSE ${authThrottle.failures} + 1 END) >= ${rule.limit} THEN ${blockedUntil}
          ELSE NULL END`,
      },
    })
    .returning({ blockedUntil: authThrottle.blockedUntil });
  return !!row?.blockedUntil && row.blockedUntil > now;
}

export async function isLoginBlocked(db: Executor, email: string, ip: string, now: Date): Promise<boolean> {
  for (const { key } of loginKeys(email, ip)) if (await isBlocked(db, key, now)) return true;
  return false;
}

export async function recordLoginFailure(db: Executor, email: string, ip: string, now: Date): Promise<void> {
  for (const { key, rule } of loginKeys(email, ip)) await hit(db, key, rule, now);
}

/** A success resets the consecutive-failure counter of that (email, IP) pair. */
export async function clearLoginFailures(db: Executor, email: string, ip: string): Promise<void> {
  await db.delete(authThrottle).where(eq(authThrottle.key, loginKeys(email, ip)[0]!.key));
}
