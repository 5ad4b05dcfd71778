// Tools for race tests on real Postgres: a barrier that makes N commands' transactions
// genuinely overlap, and the guard that skips those tests loudly on PGlite.
import { sql } from "drizzle-orm";
import type pg from "pg";
import { describe } from "vitest";
import type { Db } from "@/db/client";
import { DomainError } from "@/lib/errors";

/** The size of the app's pool (db/client.ts): at most this many transactions run at once. */
export const POOL_MAX = 10;

/** Races need several connections at once; PGlite serves one at a time. */
export const onPostgres = Boolean(process.env.DATABASE_URL);

export const NEEDS_POSTGRES = "needs real Postgres (set DATABASE_URL); PGlite serves one connection at a time, so nothing can overlap";

/**
 * `describe` that runs only on real Postgres. On PGlite it prints why it is skipped and puts the
 * reason in the skipped suite's title, so a skip is never silent.
 */
export function describePostgres(title: string, body: () => void, reason: string = NEEDS_POSTGRES): void {
  if (!onPostgres) console.warn(`[skipped] ${title}: ${reason}`);
  describe.skipIf(!onPostgres)(onPostgres ? title : `${title} [skipped: ${reason}]`, body);
}

/** The node-postgres pool behind the app's Drizzle client. */
export function poolOf(db: Db): pg.Pool {
  return (db as unknown as { $client: pg.Pool }).$client;
}

/** Opens `n` pool connections and gives them back, so a race does not include connect time. */
export async function warmPool(db: Db, n: number): Promise<void> {
  const pool = poolOf(db);
  const clients = await Promise.all(Array.from({ length: n }, () => pool.connect()));
  for (const client of clients) client.release();
}

export type RaceOutcome<T> = {
  results: PromiseSettledResult<T>[];
  /** Distinct Postgres backends that were inside an open transaction at the barrier. */
  backends: number;
  /** Transactions that reached the barrier before it opened. */
  arrived: number;
  /** True when the barrier opened because every party arrived (not on its timeout). */
  full: boolean;
};

type TransactionFn = Db["transaction"];

/**
 * Runs `tasks` at once against one database. Each task receives a view of `db` whose first
 * transaction, once BEGIN has run on its own pool connection, waits at a shared barrier; the
 * barrier opens when `parties` transactions are open at the same time (default: every task, at
 * most the pool size). All of them then go on in the same tick, so their statements overlap for
 * real. Later transactions of the same task, and tasks beyond `parties`, pass straight through.
 */
export async function race<T>(db: Db, tasks: ReadonlyArray<(db: Db) => Promise<T>>, options: { parties?: number; timeoutMs?: number } = {}): Promise<RaceOutcome<T>> {
  const parties = options.parties ?? Math.min(tasks.length, POOL_MAX);
  await warmPool(db, parties);
  let arrived = 0;
  let open = false;
  let full = false;
  let release!: () => void;
  const gate = new Promise<void>((resolve) => {
    release = () => {
      open = true;
      resolve();
    };
  });
  const timer = setTimeout(release, options.timeoutMs ?? 10_000);
  const pids = new Set<number>();

  const transaction: TransactionFn = (work, config) =>
    db.transaction(async (tx) => {
      if (!open) {
        const { rows } = await tx.execute<{ pid: number }>(sql`select pg_backend_pid() as pid`);
        pids.add(Number(rows[0]!.pid));
        arrived++;
        if (arrived >= parties) {
          full = true;
          release();
        }
        await gate;
      }
      return work(tx);
    }, config);
  // Everything but `transaction` is the real client (prototype lookup keeps `this` working).
  const gated = Object.create(db, { transaction: { value: transaction } }) as Db;

  try {
    const results = await Promise.allSettled(tasks.map((task) => Promise.resolve().then(() => task(gated))));
    return { results, backends: pids.size, arrived, full };
  } finally {
    clearTimeout(timer);
  }
}

export function fulfilled<T>(results: PromiseSettledResult<T>[]): T[] {
  return results.filter((r): r is PromiseFulfilledResult<T> => r.status === "fulfilled").map((r) => r.value);
}

export function rejected(results: PromiseSettledResult<unknown>[]): unknown[] {
  return results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => r.reason);
}

/** "CODE: message" for a refusal, or the raw error text of anything else (for failure output). */
export function describeError(error: unknown): string {
  if (error instanceof DomainError) return `${error.code}: ${error.message}`;
  return `unexpected ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
}

/** Counts equal strings: a compact way to show what a round's losers got. */
export function tally(items: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) out[item] = (out[item] ?? 0) + 1;
  return out;
}
