// npm run db:migrate — applies the committed migrations to the configured database.
import { closeDb, getDb } from "./client";

getDb()
  .then(async () => {
    console.log("Migrations applied.");
    await closeDb();
  })
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
