import "server-only";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { drizzle as drizzleLite } from "drizzle-orm/pglite";
import pg from "pg";
import { env } from "@/lib/env";
import { migrateDatabase } from "./migrate";
import { redactQueryErrors } from "./query-errors";
import * as schema from "./schema";
import { seedDemoMode } from "./seed";
import type { Db } from "./types";

export type { Db, Executor, Tx } from "./types";

redactQueryErrors();

type Holder = { db?: Promise<Db>; close?: () => Promise<void> };
// `next start` may evaluate this module more than once per process; a module-level
// variable would open the embedded data folder twice (stack-notes.md trap 2).
const holder: Holder = ((globalThis as { __roster_db?: Holder }).__roster_db ??= {});

/** The database of this process: migrated, and seeded with the demo tenants when embedded. */
export function getDb(): Promise<Db> {
  holder.db ??= open().catch((error: unknown) => {
    holder.db = undefined;
    throw error;
  });
  return holder.db;
}

export async function closeDb(): Promise<void> {
  const close = holder.close;
  holder.db = undefined;
  holder.close = undefined;
  await close?.();
}

async function open(): Promise<Db> {
  if (process.env.NEXT_PHASE === "phase-production-build") {
    throw new Error("The database was opened during `next build`: the page that did it must be dynamic (await connection()).");
  }
  if (env.DATABASE_URL) return openPostgres(env.DATABASE_URL);
  return openEmbedded(env.PGLITE_DIR);
}

async function openPostgres(url: string): Promise<Db> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    // node-postgres waits forever for a free client by default (security.md K3).
    connectionTimeoutMillis: 5_000,
    // Nothing waits forever inside Postgres (security.md K6). Dates come back as ISO text
    // whatever the server's default DateStyle: list cursors carry them (lib/users/list.ts).
    options: "-c lock_timeout=5000 -c statement_timeout=15000 -c idle_in_transaction_session_timeout=30000 -c DateStyle=ISO",
  });
  // An idle client's error (e.g. Postgres restarted) would otherwise crash the process.
  const logClientError = (error: Error) => console.error(JSON.stringify({ level: "error", msg: "postgres client error", error: error.message }));
  pool.on("error", logClientError);
  // A client inside a transaction has no listener of its own: a killed backend or a restart would
  // otherwise surface as an uncaught exception (the failing query still rejects normally).
  pool.on("connect", (client) => client.on("error", logClientError));
  await migrateDatabase({ kind: "postgres", url });
  const db = drizzlePg({ client: pool, schema });
  holder.close = () => pool.end();
  return db;
}

async function openEmbedded(dir: string): Promise<Db> {
  const inMemory = dir.startsWith("memory://");
  const releaseLock = inMemory ? () => {} : lockDataDir(dir);
  const client = await PGlite.create(inMemory ? dir : path.resolve(dir), { extensions: { pg_trgm } });
  const db = drizzleLite({ client, schema }) as unknown as Db;
  await migrateDatabase({ kind: "pglite", client });
  // The embedded database is demo mode unless DEMO=0: it gets the demo tenants on first start.
  if (env.DEMO === "1") await seedDemoMode(db);
  holder.close = async () => {
    await client.close();
    releaseLock();
  };
  return db;
}

/** PGlite has no lock of its own: two processes on one folder silently lose data. */
function lockDataDir(dir: string): () => void {
  fs.mkdirSync(path.dirname(path.resolve(dir)), { recursive: true });
  const lockFile = `${path.resolve(dir)}.lock`;
  try {
    const holderPid = Number(fs.readFileSync(lockFile, "utf8"));
    if (holderPid && holderPid !== process.pid && isAlive(holderPid)) {
      throw new Error(
        `The embedded database ${dir} is in use by process ${holderPid}. Stop that process (dev server, tests or a script), or point PGLITE_DIR elsewhere.`,
      );
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  fs.writeFileSync(lockFile, String(process.pid));
  const release = () => {
    try {
      if (fs.readFileSync(lockFile, "utf8") === String(process.pid)) fs.unlinkSync(lockFile);
    } catch {
      // already gone
    }
  };
  process.once("exit", release);
  return release;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
