// Runs once in every server process before it serves a request, however Roster was started.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installPeerStamp } = await import("./lib/auth/peer-stamp");
  const { env } = await import("./lib/env");
  installPeerStamp(env.TRUST_PROXY);
}
