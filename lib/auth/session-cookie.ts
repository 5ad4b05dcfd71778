import "server-only";
import { cookies } from "next/headers";
import { decode } from "next-auth/jwt";
import { env } from "@/lib/env";
import { authSecret } from "./secret";
import type { SessionClaims } from "./session-check";

// __Host- binds the cookie to this origin over https (security.md D6).
export const secureCookies = env.APP_URL.startsWith("https://");
export const SESSION_COOKIE = secureCookies ? "__Host-roster.session" : "roster.session";

/**
 * The claims of the request's session cookie, or null. This is the decryption Auth.js' own
 * `auth()` performs (same secret, same salt, same expiry check), without the rest of its
 * request handling, which cost ~3.6 ms of CPU on every page (bench/README.md). The claims are
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
