import "server-only";
import { eq, getTableColumns, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { sessions, tenants, users } from "@/db/schema";
import { writeAudit, type AuditEntry } from "@/lib/audit/write";
import { emailSchema } from "@/lib/users/email";
import { hasDeviceEntries, rememberDevice, trustedDeviceId } from "./device-cookie";
import { hashPassword, needsRehash, PASSWORD_MAX, verifyPassword } from "./password";
import { countAttempt, loginKeys, refuseIfBlocked, releaseAttempt, type LoginKey } from "./throttle";

export type LoginAttempt = {
  email: unknown;
  password: unknown;
  ip: string;
  userAgent: string | null;
  /** The browser's device cookie (lib/auth/device-cookie.ts) and the secret that signs it. */
  device?: { cookie: string | undefined; secret: string };
  now?: Date;
};
export type LoginSuccess = { userId: string; sessionId: string; sessionVersion: number; deviceCookie: string | null };

/**
 * Checks credentials and opens a session. Every failure — unknown email, wrong password,
 * pending or suspended user, suspended tenant, throttled — returns the same null (security.md C3); the
 * throttle is consulted before any hash runs (H1).
 */
export async function logIn(db: Db, attempt: LoginAttempt): Promise<LoginSuccess | null> {
  const now = attempt.now ?? new Date();
  const email = emailSchema.safeParse(attempt.email);
  const password = typeof attempt.password === "string" && attempt.password.length <= PASSWORD_MAX ? attempt.password : null;
  if (!email.success || password === null) return null;

  // The account is looked up first only for a browser that says it has logged in before: its
  // entry is signed for the user's id and session version. Anyone else costs no lookup until
  // the throttle has let them through.
  const device = attempt.device && hasDeviceEntries(attempt.device.cookie) ? attempt.device : null;
  let user = device ? await findUser(db, email.data) : undefined;
  const trusted = device && user ? trustedDeviceId(device.cookie, user, device.secret) : null;
  const keys = await judgedBy(db, email.data, attempt.ip, trusted, now);
  if (!keys) return null;
  const counted = await countAttempt(db, keys, now);
  if (!counted) return null;

  if (user === undefined) user = await findUser(db, email.data);
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !passwordOk || user.suspendedAt !== null || user.acceptedAt === null || user.tenantSuspendedAt !== null) {
    const audit: Omit<AuditEntry, "action"> = { tenantId: user?.tenantId ?? null, orgId: user?.orgId, actorId: user?.id, actorEmail: email.data, ip: attempt.ip };
    await writeAudit(db, { ...audit, action: "authn_login_fail" });
    // One audit row per key and block: what follows during the block is only counted.
    for (const c of counted.filter((c) => c.blockStarted)) {
      await writeAudit(db, { ...audit, action: "authn_login_fail_throttled", after: { rule: c.rule, failures: c.failures, blockedUntil: c.blockedUntil } });
    }
    return null;
  }

  await releaseAttempt(db, counted);
  const rehashed = needsRehash(user.passwordHash!) ? await hashPassword(password) : null;
  const session = await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ lastLoginAt: now, ...(rehashed ? { passwordHash: rehashed } : {}) })
      .where(eq(users.id, user.id));
    // A fresh session id on every login (no fixation, security.md D3).
    const [row] = await tx
      .insert(sessions)
      .values({ tenantId: user.tenantId, userId: user.id, createdAt: now, lastSeenAt: now, ip: attempt.ip, userAgent: attempt.userAgent?.slice(0, 300) ?? null })
      .returning({ id: sessions.id });
    await writeAudit(tx, { tenantId: user.tenantId, orgId: user.orgId, action: "authn_login_success", actorId: user.id, actorEmail: user.email, targetType: "session", targetId: row!.id, ip: attempt.ip });
    return row!;
  });
  const deviceCookie = attempt.device ? rememberDevice(attempt.device.cookie, user, attempt.device.secret) : null;
  return { userId: user.id, sessionId: session.id, sessionVersion: user.sessionVersion, deviceCookie };
}

/**
 * The counters this attempt is judged by, or null when one of them is blocked. A trusted
 * device that is itself blocked is judged as an untrusted client (OWASP's device cookies).
 */
async function judgedBy(db: Db, email: string, ip: string, trustedDevice: string | null, now: Date): Promise<LoginKey[] | null> {
  if (trustedDevice) {
    const keys = loginKeys(email, ip, trustedDevice);
    if ((await refuseIfBlocked(db, keys.map((k) => k.key), now)).length === 0) return keys;
  }
  const keys = loginKeys(email, ip, null);
  const refused = await refuseIfBlocked(db, keys.map((k) => k.key), now);
  if (refused.length === 0) return keys;
  logThrottled(refused, keys);
  return null;
}

async function findUser(db: Db, email: string) {
  const [user] = await db
    .select({ ...getTableColumns(users), tenantSuspendedAt: tenants.suspendedAt })
    .from(users)
    .innerJoin(tenants, eq(tenants.id, users.tenantId))
    .where(sql`lower(${users.email}) = ${email}`)
    .limit(1);
  return user ?? null;
}

/** The raw rate of throttled attempts, for operators: a line on the first refusal of a block and every 100th. */
function logThrottled(refused: { key: string; refused: number }[], keys: readonly LoginKey[]): void {
  for (const { key, refused: n } of refused) {
    if (n !== 1 && n % 100 !== 0) continue;
    const rule = keys.find((k) => k.key === key)?.rule;
    console.warn(JSON.stringify({ level: "warn", msg: "login attempts refused while throttled", rule, refused: n }));
  }
}
