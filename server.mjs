// Roster's HTTP entry point (`npm start`, `npm run dev`): Next.js in a thin Node server that
// adds worker processes. Every request is stamped with the client's socket address before Next
// sees it (lib/auth/peer-stamp.cjs), as under `next start`; a client-sent header is never
// believed (security.md H4).
//
// WEB_CONCURRENCY=N (production, PostgreSQL only) runs N worker processes on one port. A
// Node process renders on one core; everything a request needs between requests (sessions,
// rate limits, the outbox's leases) lives in the database, so workers share nothing else.
import cluster from "node:cluster";
import http from "node:http";
import nextEnv from "@next/env";
import next from "next";
import peerStamp from "./lib/auth/peer-stamp.cjs";

const dev = process.argv.includes("--dev");
// The checks below read the environment before Next.js would load .env files itself.
nextEnv.loadEnvConfig(process.cwd(), dev);
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "127.0.0.1";
const workers = dev ? 1 : Number(process.env.WEB_CONCURRENCY ?? 1);

if (!Number.isInteger(workers) || workers < 1 || workers > 64) {
  console.error(`WEB_CONCURRENCY must be a whole number from 1 to 64, not "${process.env.WEB_CONCURRENCY}".`);
  process.exit(1);
}
if (workers > 1 && !process.env.DATABASE_URL) {
  console.error("WEB_CONCURRENCY above 1 needs DATABASE_URL: the embedded database belongs to one process.");
  process.exit(1);
}

if (workers > 1 && cluster.isPrimary) {
  let stopping = false;
  for (let i = 0; i < workers; i++) cluster.fork();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    console.error(`worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
    cluster.fork();
  });
  for (const signal of ["SIGTERM", "SIGINT"]) {
    process.on(signal, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.kill("SIGTERM");
      setTimeout(() => process.exit(0), 5_000).unref();
      cluster.on("exit", () => {
        if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      });
    });
  }
} else {
  const app = next({ dev, hostname, port });
  const handle = app.getRequestHandler();
  // Before the server exists, so its very first request is stamped.
  peerStamp.installPeerStamp(Number(process.env.TRUST_PROXY) || 0);
  await app.prepare();

  http
    .createServer((req, res) => handle(req, res))
    .listen(port, hostname, () => {
      if (!cluster.isWorker || cluster.worker?.id === 1) {
        const where = `http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`;
        console.log(`Roster ${dev ? "(development) " : ""}on ${where}${workers > 1 ? ` (${workers} workers)` : ""}`);
      }
    });
}
