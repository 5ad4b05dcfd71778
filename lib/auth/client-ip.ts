import "server-only";
import { env } from "@/lib/env";

/** Header our server (server.mjs) sets from the socket on every request, overwriting any sent. */
export const PEER_HEADER = "x-roster-peer";

/**
 * The client's address: the socket peer, unless TRUST_PROXY says how many proxies in front
 * of us append to X-Forwarded-For. A client-sent X-Forwarded-For is never believed on its
 * own, so rotating it does not dodge rate limits (security.md H4).
 */
export function clientIp(headers: Headers, trustedProxies: number = env.TRUST_PROXY): string {
  const peer = headers.get(PEER_HEADER)?.trim() || "unknown";
  if (trustedProxies <= 0) return peer;
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  return forwarded[forwarded.length - trustedProxies] ?? peer;
}
