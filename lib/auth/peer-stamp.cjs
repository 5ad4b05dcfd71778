// The client's socket address, stamped on every request by the process that accepted it.
// Next.js does not expose the socket to route handlers or server actions, so the address
// travels as a request header — one the client cannot forge: it carries a random value of this
// process and is overwritten on every request (security.md H4).
//
// Plain CommonJS so that the earliest code of every way of starting Roster can install it
// before the first request arrives: server.mjs (`npm start`, `npm run dev`), next.config.ts
// (`next start`, `next dev`), and instrumentation.ts as a backstop.
"use strict";
const { randomBytes } = require("node:crypto");
const http = require("node:http");
const https = require("node:https");

const PEER_HEADER = "x-roster-peer";
const STATE = Symbol.for("roster.peerStamp");

/** Wraps `emit("request")` of every HTTP(S) server of this process; idempotent. */
function installPeerStamp(trustProxy) {
  if (globalThis[STATE]) return;
  const state = { secret: randomBytes(18).toString("base64url"), trustProxy, warnedAboutForwarded: false };
  for (const proto of [http.Server.prototype, https.Server.prototype]) {
    const emit = proto.emit;
    proto.emit = function stampedEmit(event, ...args) {
      if (event === "request") stamp(args[0], state);
      return emit.apply(this, [event, ...args]);
    };
  }
  globalThis[STATE] = state;
}

function stamp(req, state) {
  req.headers[PEER_HEADER] = `${state.secret} ${(req.socket && req.socket.remoteAddress) || ""}`;
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

/** The stamp this process would put on a request from `address` (tests build requests with it). */
function peerStampFor(address) {
  const state = globalThis[STATE];
  if (!state) throw new Error("installPeerStamp() has not run in this process");
  return `${state.secret} ${address}`;
}

/**
 * The socket address a stamped header names, or null when the header is missing, forged, or
 * this process never installed the stamp.
 */
function stampedPeer(value) {
  const state = globalThis[STATE];
  if (!state || !value) return null;
  const space = value.indexOf(" ");
  if (space < 0 || value.slice(0, space) !== state.secret) return null;
  const address = value.slice(space + 1).trim();
  return address === "" ? null : address;
}

module.exports = { PEER_HEADER, installPeerStamp, peerStampFor, stampedPeer };
