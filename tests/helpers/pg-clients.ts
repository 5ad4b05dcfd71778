// Separate Postgres connections for fault tests: a "client X" that holds row locks outside the
// app's pool, and a way to find the app backend that is waiting on them.
import pg from "pg";

/** A connection of its own to the test database (DATABASE_URL), outside the app's pool. */
export async function openClient(): Promise<pg.Client> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  const client = new pg.Client({ connectionString: url });
  // A terminated peer must not crash the test run.
  client.on("error", () => {});
  await client.connect();
  return client;
}

/** Begins a transaction on `client` holding FOR UPDATE on one row (fixed tables, id as a parameter). */
export async function holdRowLock(client: pg.Client, table: "tenants" | "organizations" | "users", id: string): Promise<void> {
  await client.query("BEGIN");
  const statements = {
    tenants: "SELECT id FROM tenants WHERE id = $1 FOR UPDATE",
    organizations: "SELECT id FROM organizations WHERE id = $1 FOR UPDATE",
    users: "SELECT id FROM users WHERE id = $1 FOR UPDATE",
  } as const;
  const { rowCount } = await client.query(statements[table], [id]);
  if (rowCount !== 1) throw new Error(`no ${table} row ${id} to lock`);
}

export async function backendPid(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
  return rows[0]!.pid;
}

/**
 * Polls (from `monitor`, outside any transaction, so pg_stat_activity is fresh each time) for the
 * backend of this database that waits on a lock held by `holderPid`; returns its pid and query.
 */
export async function waitForBlockedBackend(monitor: pg.Client, holderPid: number, timeoutMs = 4_000): Promise<{ pid: number; query: string }> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const { rows } = await monitor.query<{ pid: number; query: string }>(
      `SELECT pid, query FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock' AND $1 = ANY (pg_blocking_pids(pid))`,
      [holderPid],
    );
    if (rows[0]) return rows[0];
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`no backend waited on a lock of ${holderPid} within ${timeoutMs} ms`);
}

export async function closeQuietly(...clients: Array<pg.Client | undefined>): Promise<void> {
  for (const client of clients) {
    if (!client) continue;
    await client.query("ROLLBACK").catch(() => {});
    await client.end().catch(() => {});
  }
}

/**
 * db/client.ts attaches no 'error' listener to pool clients while they are checked out (pg-pool
 * removes its idle listener on checkout), so a backend that dies mid-transaction makes the
 * client emit an unhandled 'error' — an uncaught exception. Tests that kill backends on purpose
 * add the missing listener here and get the events, so they can assert on them.
 */
export function captureCheckedOutClientErrors(pool: pg.Pool): { errors: string[]; dispose: () => void } {
  const errors: string[] = [];
  const guarded = new Set<pg.PoolClient>();
  const onError = (error: Error) => void errors.push(error.message);
  const onAcquire = (client: pg.PoolClient) => {
    if (guarded.has(client)) return;
    guarded.add(client);
    client.on("error", onError);
  };
  pool.on("acquire", onAcquire);
  return {
    errors,
    dispose: () => {
      pool.off("acquire", onAcquire);
      for (const client of guarded) client.off("error", onError);
      guarded.clear();
    },
  };
}
