import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import type * as schema from "./schema";

// One query API over both engines. PGlite's driver has the same query surface as
// node-postgres' for everything Roster uses, so it is typed as the latter.
export type Db = NodePgDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type Executor = Db | Tx;
