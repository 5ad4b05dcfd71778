// npm run bench:auth [-- --engines=postgres,pglite --duration=10 --rate=200 --port=3300 --pg-url=postgres://postgres@127.0.0.1:5432/postgres]
// The login and recovery figures of security.md (bench/README.md "Login flood and forgot-password timing"):
// H3, the users page's p50 while throttled logins flood the server, as a ratio to the quiet page;
// E3, the "forgot password" answer's median time for an address with an account ÷ one without.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import autocannon from "autocannon";
import { eq } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { drizzle as drizzleLite } from "drizzle-orm/pglite";
import pg from "pg";
import type { Db } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import * as schema from "@/db/schema";
import { DEMO_PASSWORD, seedDemo } from "@/db/seed";
import { cannon, login, ROOT, startServer, type Server } from "./lib/http";
import { median, ms, table } from "./lib/stats";

type Options = { engines: ("postgres" | "pglite")[]; duration: number; rate: number; port: number; pgUrl: string };

function parseArgs(argv: string[]): Options {
  const get = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  for (const a of argv) if (!["engines", "duration", "rate", "port", "pg-url"].includes(a.replace(/^--/, "").split("=")[0]!)) throw new Error(`unknown option ${a}`);
  return {
    engines: (get("engines") ?? "postgres,pglite").split(",") as Options["engines"],
    duration: Number(get("duration") ?? 10),
    rate: Number(get("rate") ?? 200),
    port: Number(get("port") ?? 3300),
    pgUrl: get("pg-url") ?? process.env.BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres",
  };
}

const log = (line: string) => console.log(line);
const resultsDir = path.join(ROOT, "bench", ".results");
const DB_NAME = "roster_bench_auth";
/** Accounts the forgot-password timing asks for: each once, so the 3-per-address limit never trips. */
const RESET_ACCOUNTS = 60;
const FLOOD_ADDRESSES = 10;

/** The demo tenants plus RESET_ACCOUNTS active people, written before the server starts. */
async function prepare(db: Db): Promise<void> {
  await seedDemo(db);
  const [admin] = await db.select().from(schema.users).where(eq(schema.users.email, "admin@acme.test"));
  const now = new Date();
  await db.insert(schema.users).values(
    Array.from({ length: RESET_ACCOUNTS }, (_, i) => ({ tenantId: admin!.tenantId, orgId: admin!.orgId, email: `reset-${i}@acme.test`, name: `Reset ${i}`, role: "user", acceptedAt: now, registeredAt: now })),
  );
}

async function preparedDatabase(engine: "postgres" | "pglite", options: Options): Promise<{ databaseUrl?: string; pgliteDir?: string; cleanup: () => Promise<void> }> {
  if (engine === "pglite") {
    const dir = path.join(resultsDir, "pglite-auth");
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    const client = await PGlite.create(dir, { extensions: { pg_trgm } });
    await migrateDatabase({ kind: "pglite", client });
    await prepare(drizzleLite({ client, schema }) as unknown as Db);
    await client.close();
    return { pgliteDir: dir, cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const admin = new pg.Client({ connectionString: options.pgUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DB_NAME}`);
  await admin.end();
  const url = new URL(options.pgUrl);
  url.pathname = `/${DB_NAME}`;
  await migrateDatabase({ kind: "postgres", url: url.toString() });
  const pool = new pg.Pool({ connectionString: url.toString() });
  await prepare(drizzlePg({ client: pool, schema }) as unknown as Db);
  await pool.end();
  return {
    databaseUrl: url.toString(),
    cleanup: async () => {
      const again = new pg.Client({ connectionString: options.pgUrl });
      await again.connect();
      await again.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
      await again.end();
    },
  };
}

const addressOf = (i: number) => `203.0.113.${(i % 250) + 1}`;

/** Auth.js' CSRF cookie and token, fetched once and reused by every flood request, as a script would. */
async function csrf(base: string): Promise<{ cookie: string; token: string }> {
  const res = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie: res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; "), token: csrfToken };
}

/** H3: block FLOOD_ADDRESSES (email, address) pairs, then flood them at `rate` while the users page is measured. */
async function loginFlood(server: Server, options: Options) {
  const cookie = await login(server.base, "admin@acme.test", DEMO_PASSWORD);
  const landing = await fetch(`${server.base}/`, { headers: { cookie }, redirect: "manual" });
  const usersUrl = `${server.base}${landing.headers.get("location")}/users`;
  const { cookie: csrfCookie, token } = await csrf(server.base);
  const body = (password: string) => new URLSearchParams({ csrfToken: token, email: "flood@nowhere.test", password, callbackUrl: `${server.base}/` }).toString();
  const post = (address: string, password: string) =>
    fetch(`${server.base}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie, "x-forwarded-for": address },
      body: body(password),
    }).then((r) => r.arrayBuffer());
  for (let a = 0; a < FLOOD_ADDRESSES; a++) for (let n = 0; n < 10; n++) await post(addressOf(a), `wrong-${n}`);

  const quiet = await cannon(usersUrl, { connections: 1, duration: options.duration, cookie, warmup: 2 });
  let i = 0;
  const flood = autocannon({
    url: `${server.base}/api/auth/callback/credentials`,
    connections: 20,
    overallRate: options.rate,
    duration: options.duration + 2,
    requests: [
      {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
        body: body("still-wrong"),
        setupRequest: (req) => ({ ...req, headers: { ...req.headers, "x-forwarded-for": addressOf(i++ % FLOOD_ADDRESSES) } }),
      },
    ],
  });
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const flooded = await cannon(usersUrl, { connections: 1, duration: options.duration, cookie });
  const floodResult = await flood;
  return { quiet, flooded, flood: { rps: floodResult.requests.average, requests: floodResult.requests.total, errors: floodResult.errors } };
}

/** The server action's id, from the build's manifest: how the browser names it. */
function actionId(name: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, ".next/server/server-reference-manifest.json"), "utf8")) as { node: Record<string, { exportedName?: string }> };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === name);
  if (!found) throw new Error(`no server action ${name} in the build`);
  return found[0];
}

/** E3: the forgot-password action called as the page calls it, alternating an address with an account and one without. */
async function forgotTiming(server: Server) {
  const id = actionId("requestPasswordResetAction");
  const ask = async (email: string, address: string) => {
    const started = performance.now();
    const res = await fetch(`${server.base}/forgot`, {
      method: "POST",
      headers: { "next-action": id, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", origin: server.base, "x-forwarded-for": address },
      body: JSON.stringify([{ email }]),
    });
    const text = await res.text();
    const took = performance.now() - started;
    if (!res.ok || !text.includes('"ok":true')) throw new Error(`forgot password: HTTP ${res.status} ${text.slice(0, 200)}`);
    // The lookup runs after the answer; let it finish so it does not land on the next request.
    await new Promise((resolve) => setTimeout(resolve, 60));
    return took;
  };
  for (let w = 0; w < 5; w++) await ask(`warmup-${w}@nowhere.test`, addressOf(200 + w));
  const existing: number[] = [];
  const unknown: number[] = [];
  for (let i = 0; i < RESET_ACCOUNTS; i++) {
    const first = i % 2 === 0;
    const a = () => ask(`reset-${i}@acme.test`, addressOf(2 * i)).then((t) => existing.push(t));
    const b = () => ask(`nobody-${i}-${crypto.randomUUID()}@nowhere.test`, addressOf(2 * i + 1)).then((t) => unknown.push(t));
    if (first) await a().then(b);
    else await b().then(a);
  }
  return { existing: median(existing), unknown: median(unknown), n: RESET_ACCOUNTS };
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  fs.mkdirSync(resultsDir, { recursive: true });
  if (!fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"))) throw new Error("no production build: run `npm run build` first");
  log(`Roster auth benchmark · ${new Date().toISOString()} · node ${process.version} · ${os.cpus().length} cores · flood ${options.rate} req/s for ${options.duration} s`);
  const rows: string[][] = [["engine", "users page p50 quiet", "under flood", "ratio (H3 ≤ 2)", "flood req/s", "forgot: account", "no account", "ratio (E3 0.9–1.1)"]];
  for (const engine of options.engines) {
    log(`\n── ${engine}`);
    const database = await preparedDatabase(engine, options);
    const logFile = path.join(resultsDir, `auth-${engine}-server.log`);
    const server = await startServer({ ...database, port: options.port, workers: 1, logFile, env: { TRUST_PROXY: "1" } });
    try {
      const h3 = await loginFlood(server, options);
      log(`  users page p50 ${ms(h3.quiet.p50)} quiet, ${ms(h3.flooded.p50)} under ${h3.flood.rps.toFixed(0)} throttled logins/s (${h3.flood.requests} sent, ${h3.flood.errors} errors)`);
      const e3 = await forgotTiming(server);
      log(`  forgot password median ${ms(e3.existing)} with an account, ${ms(e3.unknown)} without (${e3.n} each, alternating)`);
      rows.push([engine, ms(h3.quiet.p50), ms(h3.flooded.p50), `${(h3.flooded.p50 / h3.quiet.p50).toFixed(2)} ×`, h3.flood.rps.toFixed(0), ms(e3.existing), ms(e3.unknown), (e3.existing / e3.unknown).toFixed(2)]);
    } finally {
      await server.stop();
      await database.cleanup();
    }
  }
  log(`\n${table(rows, ["l", "r", "r", "r", "r", "r", "r", "r"])}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
