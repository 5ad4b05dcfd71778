// npm run db:seed — adds the demo tenants to the configured database (never a production one).
import { closeDb, getDb } from "./client";
import { env } from "@/lib/env";
import { isLocalDatabase } from "./local";
import { seedDemoMode } from "./seed";

async function main() {
  if (env.DATABASE_URL && !isLocalDatabase(env.DATABASE_URL)) {
    // Demo accounts with a published password never go to a server elsewhere (security.md C4).
    throw new Error(`Refusing to seed the demo tenants into ${new URL(env.DATABASE_URL).hostname}: the demo seed writes only to a database on this machine.`);
  }
  const db = await getDb();
  if (!env.DATABASE_URL) {
    // Opening the embedded database already seeds it.
    console.log(`Embedded database ${env.PGLITE_DIR} has the demo tenants.`);
  } else {
    const { created, people } = await seedDemoMode(db);
    console.log(created.length ? `Seeded demo tenants: ${created.join(", ")}${people ? `, with ${people} generated people in Acme Heating` : ""}` : "Demo tenants already present; nothing to do.");
  }
  await closeDb();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
