// npm run roster -- <command>: the operator's command line (README, "Production: the first
// organization"). `npm run roster -- help` lists the commands.
import { loadEnvConfig } from "@next/env";

// Like the server, read .env files first: lib/env parses the environment when it is imported.
loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error });

void import("./roster/main").then(async ({ main }) => {
  process.exit(await main(process.argv.slice(2)));
});
