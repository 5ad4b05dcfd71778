import { sql } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { env } from "@/lib/env";
import { seedDemo } from "@/db/seed";
import { SCHEMA_TABLES } from "./schema-tables";



/** Tests wipe tables: refuse anything but a database on this machine. */
function assertLocal(url: string) {
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) {
    throw new Error(`Refusing to run destructive tests against non-local database host ${host}`);
  }
}

/** A database holding exactly the demo tenants. */
export async function freshDemoDb(): Promise<Db> {
  const db = await getDb();
  if (env.DATABASE_URL) assertLocal(env.DATABASE_URL);
  await db.execute(sql`TRUNCATE ${sql.join(SCHEMA_TABLES.map((t) => sql.identifier(t.name)), sql`, `)} RESTART IDENTITY CASCADE`);
  await seedDemo(db);
  return db;
}
