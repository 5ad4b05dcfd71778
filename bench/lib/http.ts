// Parts 2 and 3 over HTTP: `next start` (node server.mjs) against the bench database, the
// real login (Auth.js credentials callback), autocannon, and the streamed CSV export with the
// server's resident memory sampled while it streams.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import autocannon from "autocannon";

export const ROOT = path.resolve(__dirname, "../..");

export type BuildInfo = { id: string; builtAt: Date; stale: string | null };

/** The production build `next start` serves, and whether any source is newer than it. */
export function buildInfo(): BuildInfo | null {
  const idFile = path.join(ROOT, ".next", "BUILD_ID");
  if (!fs.existsSync(idFile)) return null;
  const builtAt = fs.statSync(idFile).mtime;
  let newest: { file: string; at: number } | null = null;
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(tsx?|css|mjs)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
        const at = fs.statSync(full).mtimeMs;
        if (!newest || at > newest.at) newest = { file: full, at };
      }
    }
  };
  for (const dir of ["app", "components", "lib", "db"]) walk(path.join(ROOT, dir));
  const found = newest as { file: string; at: number } | null;
  const stale = found && found.at > builtAt.getTime() ? path.relative(ROOT, found.file) : null;
  return { id: fs.readFileSync(idFile, "utf8").trim(), builtAt, stale };
}

export function buildRunning(): boolean {
  try {
    return execFileSync("pgrep", ["-f", "next build"], { encoding: "utf8" }).trim().length > 0;
  } catch {
    return false; // pgrep exits 1 when nothing matches
  }
}

/** `next build`, after waiting for any other build on this machine to finish (two cores). */
export async function build(log: (line: string) => void): Promise<void> {
  while (buildRunning()) {
    log("  another `next build` is running; waiting…");
    await new Promise((resolve) => setTimeout(resolve, 15_000));
  }
  log("  next build …");
  execFileSync(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "build"], { cwd: ROOT, stdio: "inherit" });
}

export type Server = { pid: number; base: string; logFile: string; stop(): Promise<void> };

/** The users page from fixed rows (app/bench/users), served only when BENCH_PAGES=1. */
export const BENCH_USERS_PAGE = "/bench/users";

/** Postgres at `databaseUrl`, or the embedded database in `pgliteDir`; `env` adds to the server's environment. */
export async function startServer(options: { databaseUrl?: string; pgliteDir?: string; port: number; workers: number; logFile: string; env?: Record<string, string> }): Promise<Server> {
  const base = `http://127.0.0.1:${options.port}`;
  const out = fs.openSync(options.logFile, "w");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(options.port),
    HOST: "127.0.0.1",
    NODE_ENV: "production",
    AUTH_SECRET: crypto.randomBytes(33).toString("base64"),
    APP_URL: base,
    WEB_CONCURRENCY: String(options.workers),
    BENCH_PAGES: "1",
    ...options.env,
  };
  delete env.DATABASE_URL;
  delete env.PGLITE_DIR;
  delete env.DEV_MAILBOX;
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  else if (options.pgliteDir) env.PGLITE_DIR = options.pgliteDir;
  else throw new Error("startServer needs databaseUrl or pgliteDir");
  const child: ChildProcess = spawn(process.execPath, ["server.mjs"], { cwd: ROOT, env, stdio: ["ignore", out, out] });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null) child.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    if (child.exitCode === null) child.kill("SIGKILL");
    fs.closeSync(out);
  };
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}); see ${options.logFile}`);
    try {
      const response = await fetch(`${base}/forgot`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the server did not answer within 90 s; see ${options.logFile}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return { pid: child.pid!, base, logFile: options.logFile, stop };
}

const cookiePairs = (response: Response) => response.headers.getSetCookie().map((c) => c.split(";")[0]!);

/** Logs in through Auth.js' credentials callback, as the login form does; returns the Cookie header. */
export async function login(base: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiePairs(csrf);
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${base}/` }),
  });
  const session = cookiePairs(response).find((c) => c.startsWith("roster.session="));
  if (!session) throw new Error(`login failed: HTTP ${response.status} ${response.headers.get("location") ?? ""}`);
  return session;
}

export type Cannon = { rps: number; p50: number; p99: number; requests: number; non2xx: number; errors: number };

export async function cannon(url: string, options: { connections: number; duration: number; cookie?: string; warmup?: number }): Promise<Cannon> {
  const headers = options.cookie ? { cookie: options.cookie } : undefined;
  if (options.warmup) await autocannon({ url, connections: options.connections, duration: options.warmup, headers });
  const r = await autocannon({ url, connections: options.connections, duration: options.duration, headers });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, requests: r.requests.total, non2xx: r.non2xx, errors: r.errors };
}

/** Resident memory of a process and its children, in bytes (Linux /proc). */
export function rss(pid: number): number {
  let total = 0;
  const visit = (p: number) => {
    try {
      const status = fs.readFileSync(`/proc/${p}/status`, "utf8");
      total += Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
      for (const task of fs.readdirSync(`/proc/${p}/task`)) {
        const children = fs.readFileSync(`/proc/${p}/task/${task}/children`, "utf8").trim();
        for (const child of children ? children.split(/\s+/) : []) visit(Number(child));
      }
    } catch {
      // gone
    }
  };
  visit(pid);
  return total;
}

export type ExportRun = {
  rows: number;
  bytes: number;
  seconds: number;
  firstByte: number;
  rssBefore: number;
  rssPeak: number;
  /** Peak RSS while the first / second half of the bytes streamed: equal when memory is flat. */
  rssPeakFirstHalf: number;
  rssPeakSecondHalf: number;
  samples: number;
};

/** GETs a CSV export, counting rows as they stream, sampling the server's RSS every 20 ms. */
export async function exportCsv(url: string, cookie: string, serverPid: number, expectedBytes?: number): Promise<ExportRun> {
  const rssBefore = rss(serverPid);
  const samples: Array<{ at: number; rss: number }> = [];
  let bytes = 0;
  const timer = setInterval(() => samples.push({ at: bytes, rss: rss(serverPid) }), 20);
  const started = performance.now();
  try {
    const response = await fetch(url, { headers: { cookie } });
    const firstByte = performance.now() - started;
    if (!response.ok || !response.body) throw new Error(`export: HTTP ${response.status} ${await response.text()}`);
    let newlines = 0;
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.length;
      for (let i = 0; i < value.length; i++) if (value[i] === 10) newlines++;
    }
    const seconds = (performance.now() - started) / 1000;
    samples.push({ at: bytes, rss: rss(serverPid) });
    const half = (expectedBytes ?? bytes) / 2;
    const peak = (list: typeof samples) => Math.max(0, ...list.map((s) => s.rss));
    return {
      rows: newlines - 1, // the header line
      bytes,
      seconds,
      firstByte,
      rssBefore,
      rssPeak: peak(samples),
      rssPeakFirstHalf: peak(samples.filter((s) => s.at <= half)),
      rssPeakSecondHalf: peak(samples.filter((s) => s.at > half)),
      samples: samples.length,
    };
  } finally {
    clearInterval(timer);
  }
}
