// Runs once in every server process, at the latest before its first page or action renders.
// The peer stamp is normally installed earlier (server.mjs, next.config.ts); this is the backstop.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installPeerStamp } = await import("./lib/auth/peer-stamp.cjs");
  const { env } = await import("./lib/env");
  installPeerStamp(env.TRUST_PROXY);
  // The operator's plans (ROSTER_PLANS_FILE): a wrong file stops the start, naming the wrong field.
  const { installPlansFile, PlansFileError } = await import("./lib/plans/file");
  try {
    installPlansFile();
  } catch (error) {
    if (!(error instanceof PlansFileError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
