import "server-only";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzleLite } from "drizzle-orm/pglite";
import { migrate as migrateLite } from "drizzle-orm/pglite/migrator";
import pg from "pg";

const migrationsFolder = path.join(process.cwd(), "db/migrations");
// Any constant works; it only has to be the same for every Roster process.
const MIGRATION_LOCK = 7_246_301;

type Target = { kind: "postgres"; url: string } | { kind: "pglite"; client: PGlite };

/** Applies the committed drizzle-kit migrations; safe to call from several processes at once. */
export async function migrateDatabase(target: Target): Promise<void> {
  if (target.kind === "pglite") {
    await migrateLite(drizzleLite({ client: target.client }), { migrationsFolder });
    return;
  }
  // One dedicated connection holds an advisory lock so parallel starters migrate once.
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await migratePg(drizzlePg({ client }), { migrationsFolder });
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => {});
    await client.end();
  }
}
