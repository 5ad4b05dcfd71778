import "server-only";
import { isIP } from "node:net";
import { env } from "@/lib/env";
import { PEER_HEADER, stampedPeer } from "./peer-stamp.cjs";

/** Thrown when a request carries no socket address stamped by this process: it is refused, never pooled. */
export class UnknownClientAddressError extends Error {
  constructor() {
    super("The client's address is unknown: the request was not stamped by this process (see instrumentation.ts). Refusing to serve it.");
    this.name = "UnknownClientAddressError";
  }
}

/**
 * The client's address: the socket peer, unless TRUST_PROXY says how many proxies in front
 * of us append to X-Forwarded-For. Nothing the client sends is believed on its own, so rotating
 * headers does not dodge rate limits (security.md H4); an unstamped request throws rather than
 * share one "unknown" identity with the whole internet.
 */
let saidSo = false;

export function clientIp(headers: Headers, trustedProxies: number = env.TRUST_PROXY): string {
  const peer = stampedPeer(headers.get(PEER_HEADER));
  if (peer === null) {
    const error = new UnknownClientAddressError();
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
  if (!address || isIP(address) === 0) throw new UnknownClientAddressError();
  return address;
}
