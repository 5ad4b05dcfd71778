import "server-only";
import { cookies } from "next/headers";
import { decode, encode } from "next-auth/jwt";
import { env } from "@/lib/env";
import { authSecret } from "./secret";
import type { SessionClaims } from "./session-check";

// __Host- binds the cookie to this origin over https (security.md D6).
export const secureCookies = env.APP_URL.startsWith("https://");
export const SESSION_COOKIE = secureCookies ? "__Host-roster.session" : "roster.session";
export const SESSION_COOKIE_OPTIONS = { httpOnly: true, sameSite: "lax", path: "/", secure: secureCookies } as const;
export const SESSION_MAX_AGE_SECONDS = env.SESSION_MAX_HOURS * 3600;

/**
 * The claims of the request's session cookie, or null. This is the decryption Auth.js' own
 * `auth()` performs (same secret, same salt, same expiry check), without the rest of its
 * request handling, which cost measurable CPU on every page (bench/README.md). The claims are
 * only identifiers: loadViewer() still checks the session row on every request.
 */
export async function sessionClaims(): Promise<SessionClaims | null> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  return token ? claimsFromToken(token, authSecret()) : null;
}

export async function claimsFromToken(token: string, secret: string): Promise<SessionClaims | null> {
  try {
    const jwt = await decode({ token, secret, salt: SESSION_COOKIE });
    if (!jwt || typeof jwt.sid !== "string" || typeof jwt.uid !== "string" || typeof jwt.sv !== "number") return null;
    return { sid: jwt.sid, uid: jwt.uid, sv: jwt.sv };
  } catch {
    return null; // tampered, expired or made with another secret: logged out
  }
}

/** A session token as Auth.js issues it at login: the three claims, its lifetime, encrypted. */
export function sessionToken(claims: SessionClaims, secret: string): Promise<string> {
  return encode({ token: { sub: claims.uid, uid: claims.uid, sid: claims.sid, sv: claims.sv }, secret, salt: SESSION_COOKIE, maxAge: SESSION_MAX_AGE_SECONDS });
}

/**
 * Replaces the request's session cookie with one naming another session row, with the cookie
 * options Auth.js uses: for renewing the session id without a login (a password change,
 * security.md D4).
 */
export async function setSessionCookie(claims: SessionClaims): Promise<void> {
  const token = await sessionToken(claims, authSecret());
  (await cookies()).set(SESSION_COOKIE, token, { ...SESSION_COOKIE_OPTIONS, expires: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000) });
}
