import { sql } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { env } from "@/lib/env";
import { isLocalDatabase } from "@/db/local";
import { seedDemo } from "@/db/seed";
import { SCHEMA_TABLES } from "./schema-tables";



/** Tests wipe tables: refuse anything but a database on this machine. */
function assertLocal(url: string) {
  if (!isLocalDatabase(url)) throw new Error(`Refusing to run destructive tests against non-local database host ${new URL(url).hostname}`);
}

/** A database holding exactly the demo tenants. */
export async function freshDemoDb(): Promise<Db> {
  const db = await getDb();
  if (env.DATABASE_URL) assertLocal(env.DATABASE_URL);
  await db.execute(sql`TRUNCATE ${sql.join(SCHEMA_TABLES.map((t) => sql.identifier(t.name)), sql`, `)} RESTART IDENTITY CASCADE`);
  await seedDemo(db);
  return db;
}
