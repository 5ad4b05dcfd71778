import "server-only";
import { isIP } from "node:net";
import { env } from "@/lib/env";
import { PEER_HEADER, stampedPeer } from "./peer-stamp.cjs";

/** Thrown when the client's address cannot be told: the request is refused, never pooled. */
export class UnknownClientAddressError extends Error {
  constructor(why: string) {
    super(`The client's address is unknown: ${why}. Refusing to serve the request.`);
    this.name = "UnknownClientAddressError";
  }
}

let saidSo = false;

/**
 * The client's address: the socket peer, unless TRUST_PROXY says how many proxies in front
 * of us append to X-Forwarded-For. Nothing the client sends is believed on its own, so rotating
 * headers does not dodge rate limits (security.md H4); an unstamped request throws rather than
 * share one "unknown" identity with the whole internet.
 */
export function clientIp(headers: Headers, trustedProxies: number = env.TRUST_PROXY): string {
  const peer = stampedPeer(headers.get(PEER_HEADER));
  if (peer === null) {
    const error = new UnknownClientAddressError("the request was not stamped with its socket address by this process (lib/auth/peer-stamp.cjs)");
    if (!saidSo) console.error(JSON.stringify({ level: "error", msg: error.message }));
    saidSo = true;
    throw error;
  }
  if (trustedProxies <= 0) return peer;
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  // Fewer hops than the operator said are in front of us (the request went around the proxy),
  // or not an address at all: we cannot tell who it is, so it is refused, not keyed as the proxy.
  const address = forwarded[forwarded.length - trustedProxies];
  if (!address || isIP(address) === 0) throw new UnknownClientAddressError(`X-Forwarded-For has no address ${trustedProxies} hop(s) from the right (TRUST_PROXY=${trustedProxies})`);
  return address;
}
