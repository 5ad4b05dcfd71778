// The two database engines the benchmark runs on, opened the way db/client.ts opens them
// (same drizzle drivers, same pool options), but one fresh database per size and without the
// demo seed. Postgres gets a dedicated database (`roster_bench` unless named) that is created and dropped here.
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { drizzle as drizzleLite } from "drizzle-orm/pglite";
import pg from "pg";
import type { Db } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import * as schema from "@/db/schema";

export type EngineKind = "postgres" | "pglite";

/** Raw SQL on one connection: the seed needs SET and temporary tables to stick. */
export type Session = {
  exec(text: string): Promise<void>;
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
};

export type CapturedQuery = { sql: string; params: unknown[] };

export type Engine = {
  kind: EngineKind;
  /** The app's query API over this engine. */
  db: Db;
  /** Postgres only: the URL of the bench database, for the HTTP server. */
  url?: string;
  /** When `on`, every query Drizzle sends is recorded (to EXPLAIN the worst combinations). */
  capture: { on: boolean; queries: CapturedQuery[] };
  session<T>(work: (s: Session) => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

export const BENCH_DB = "roster_bench";

/** A bench database's name is spliced into DDL, so only plain identifiers are taken. */
export function assertDbName(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`bad database name ${name} (lower-case letters, digits and _)`);
  return name;
}

function logger(capture: Engine["capture"]) {
  return {
    logQuery(query: string, params: unknown[]) {
      if (capture.on) capture.queries.push({ sql: query, params });
    },
  };
}

function assertLocal(url: string): void {
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) {
    throw new Error(`The benchmark drops and creates a database: refusing non-local host ${host}.`);
  }
}

/** postgres://…/postgres → postgres://…/roster_bench */
function benchUrl(adminUrl: string, dbName: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${assertDbName(dbName)}`;
  return url.toString();
}

export async function dropBenchDatabase(adminUrl: string, dbName: string): Promise<void> {
  assertLocal(adminUrl);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${assertDbName(dbName)} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/** A fresh, migrated database `dbName` on the local Postgres named by `adminUrl`. */
export async function openPostgres(adminUrl: string, dbName: string): Promise<Engine> {
  await dropBenchDatabase(adminUrl, dbName);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${assertDbName(dbName)}`);
  } finally {
    await admin.end();
  }
  return attachPostgres(benchUrl(adminUrl, dbName));
}

/** The existing database at `url`, migrated (for iterating on a kept `roster_bench`). */
export async function attachPostgres(url: string): Promise<Engine> {
  assertLocal(url);
  await migrateDatabase({ kind: "postgres", url });
  // The app's pool options (db/client.ts), so queries run under the same timeouts.
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: 5_000,
    options: "-c lock_timeout=5000 -c statement_timeout=15000 -c idle_in_transaction_session_timeout=30000 -c DateStyle=ISO",
  });
  pool.on("error", () => {});
  const capture: Engine["capture"] = { on: false, queries: [] };
  const db = drizzlePg({ client: pool, schema, logger: logger(capture) });
  return {
    kind: "postgres",
    db,
    url,
    capture,
    async session(work) {
      // A connection of its own without the app's statement timeout: seeding 1M rows takes longer.
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        return await work({
          exec: async (text) => {
            await client.query(text);
          },
          query: async <T>(text: string, params?: unknown[]) => (await client.query(text, params)).rows as T[],
        });
      } finally {
        await client.end();
      }
    },
    close: () => pool.end(),
  };
}

/** A fresh, migrated PGlite in `dir` (on disk, like the app's embedded mode), or in memory. */
export async function openPglite(dir: string): Promise<Engine> {
  const inMemory = dir.startsWith("memory://");
  if (!inMemory) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(dir), { recursive: true });
  }
  const client = await PGlite.create(inMemory ? dir : path.resolve(dir), { extensions: { pg_trgm } });
  await migrateDatabase({ kind: "pglite", client });
  const capture: Engine["capture"] = { on: false, queries: [] };
  const db = drizzleLite({ client, schema, logger: logger(capture) }) as unknown as Db;
  return {
    kind: "pglite",
    db,
    capture,
    session: (work) =>
      work({
        exec: async (text) => {
          await client.exec(text);
        },
        query: async <T>(text: string, params?: unknown[]) => (await client.query<T>(text, params)).rows,
      }),
    async close() {
      await client.close();
      if (!inMemory) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
