import "server-only";
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { secureCookies } from "./session-cookie";

// OWASP's device cookies ("Slow down online guessing attacks with device cookies"): a browser
// that logged in to an account carries a signed entry naming it, and its failures are then
// counted for that browser alone (lib/auth/throttle.ts). The account is only inside the MAC, so
// the cookie does not tell which accounts were used from this browser. The MAC covers the
// user's id and session version: a password change or reset, a force logout, a suspension or a
// deleted and re-created account make every earlier entry worthless.
export const DEVICE_COOKIE = secureCookies ? "__Host-roster.device" : "roster.device";
const DEVICE_COOKIE_MAX_AGE_SECONDS = 180 * 24 * 3600;
/** Accounts remembered per browser; the oldest entry goes first. */
const MAX_ENTRIES = 5;

const macKey = (secret: string) => createHash("sha256").update(`roster device cookie\u0000${secret}`).digest();
/** Whom an entry vouches for: the user and the session version it was issued under. */
export type DeviceAccount = { id: string; sessionVersion: number };

const mac = (secret: string, id: string, account: DeviceAccount) =>
  createHmac("sha256", macKey(secret)).update(`${id}\u0000${account.id}\u0000${account.sessionVersion}`).digest("base64url");

type Entry = { id: string; mac: string };

function entries(value: string | undefined): Entry[] {
  if (!value) return [];
  return value
    .split("~")
    .slice(0, MAX_ENTRIES)
    .map((part) => part.split("."))
    .filter((p): p is [string, string] => p.length === 2 && /^[A-Za-z0-9_-]{22}$/.test(p[0]!) && /^[A-Za-z0-9_-]{43}$/.test(p[1]!))
    .map(([id, m]) => ({ id, mac: m }));
}

const matches = (entry: Entry, secret: string, account: DeviceAccount) => {
  const expected = Buffer.from(mac(secret, entry.id, account));
  const given = Buffer.from(entry.mac);
  return expected.length === given.length && timingSafeEqual(expected, given);
};

/** Whether the cookie holds any entry at all (only then is the account looked up to check it). */
export function hasDeviceEntries(value: string | undefined): boolean {
  return entries(value).length > 0;
}

/** The id of the device entry this cookie holds for the account, or null. */
export function trustedDeviceId(value: string | undefined, account: DeviceAccount, secret: string): string | null {
  return entries(value).find((entry) => matches(entry, secret, account))?.id ?? null;
}

/** The cookie's value after a successful login to the account: its entry kept (or a new one) and moved first. */
export function rememberDevice(value: string | undefined, account: DeviceAccount, secret: string): string {
  const all = entries(value);
  const own = all.find((entry) => matches(entry, secret, account));
  const id = own?.id ?? randomBytes(16).toString("base64url");
  const first = own ?? { id, mac: mac(secret, id, account) };
  return [first, ...all.filter((entry) => entry !== own)]
    .slice(0, MAX_ENTRIES)
    .map((entry) => `${entry.id}.${entry.mac}`)
    .join("~");
}

export const DEVICE_COOKIE_OPTIONS = { httpOnly: true, sameSite: "lax", path: "/", secure: secureCookies, maxAge: DEVICE_COOKIE_MAX_AGE_SECONDS } as const;

/** One cookie's value from a Cookie request header. */
export function cookieFromHeader(header: string | null, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
