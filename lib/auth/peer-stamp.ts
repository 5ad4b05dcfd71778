// The client's socket address, stamped on every request by the process that accepted it.
// Next.js does not expose the socket to route handlers or server actions, so the address
// travels as a request header — one the client cannot forge, because it carries a random
// value of this process and is overwritten on every request (security.md H4). The stamp is
// installed from instrumentation.ts, which every way of starting Roster runs: `npm start`
// (server.mjs), `next start` and `next dev`.
import { randomBytes } from "node:crypto";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";

export const PEER_HEADER = "x-roster-peer";

type StampState = { secret: string; trustProxy: number; warnedAboutForwarded: boolean };
const STATE = Symbol.for("roster.peerStamp");
const holder = globalThis as { [STATE]?: StampState };

/** Wraps `emit("request")` of every HTTP(S) server of this process; idempotent. */
export function installPeerStamp(trustProxy: number): void {
  if (holder[STATE]) return;
  const state: StampState = { secret: randomBytes(18).toString("base64url"), trustProxy, warnedAboutForwarded: false };
  for (const proto of [http.Server.prototype, https.Server.prototype]) {
    const emit = proto.emit;
    proto.emit = function stampedEmit(this: unknown, event: string | symbol, ...args: unknown[]) {
      if (event === "request") stamp(args[0] as IncomingMessage, state);
      return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
    } as typeof emit;
  }
  holder[STATE] = state;
}

function stamp(req: IncomingMessage, state: StampState): void {
  req.headers[PEER_HEADER] = stampValue(req.socket?.remoteAddress ?? "", state);
  if (state.trustProxy === 0 && req.headers["x-forwarded-for"] && !state.warnedAboutForwarded) {
    state.warnedAboutForwarded = true;
    console.warn(
      JSON.stringify({
        level: "warn",
        msg:
          "Requests arrive with X-Forwarded-For but TRUST_PROXY is 0, so every client is keyed by the address of the proxy in front of Roster: " +
          "rate limits then treat all your users as one. Set TRUST_PROXY to the number of reverse proxies that append to X-Forwarded-For (1 behind a single nginx).",
      }),
    );
  }
}

function stampValue(address: string, state: StampState): string {
  return `${state.secret} ${address}`;
}

/** The stamp this process would put on a request from `address` (tests build requests with it). */
export function peerStampFor(address: string): string {
  const state = holder[STATE];
  if (!state) throw new Error("installPeerStamp() has not run in this process");
  return stampValue(address, state);
}

/**
 * The socket address a stamped header names, or null when the header is missing, forged, or
 * this process never installed the stamp (a request that arrived before start-up finished).
 */
export function stampedPeer(value: string | null | undefined): string | null {
  const state = holder[STATE];
  if (!state || !value) return null;
  const space = value.indexOf(" ");
  if (space < 0 || value.slice(0, space) !== state.secret) return null;
  const address = value.slice(space + 1).trim();
  return address === "" ? null : address;
}
