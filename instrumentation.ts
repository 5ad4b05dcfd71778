// Runs once in every server process, at the latest before its first page or action renders.
// The peer stamp is normally installed earlier (server.mjs, next.config.ts); this is the backstop.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installPeerStamp } = await import("./lib/auth/peer-stamp.cjs");
  const { env } = await import("./lib/env");
  installPeerStamp(env.TRUST_PROXY);
}
