// The tables of db/schema.ts, read from the schema itself: a new table is truncated between tests
// and covered by every "nothing changed" check without anyone remembering to list it.
import { getTableName, is } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import * as schema from "@/db/schema";

type NameOf<T> = T extends PgTable<infer C> ? C["name"] : never;
/** The name of every table of the schema, as a type. */
export type TableName = NameOf<(typeof schema)[keyof typeof schema]>;

export const SCHEMA_TABLES: readonly { name: TableName; table: PgTable }[] = (Object.values(schema) as unknown[])
  .filter((value): value is PgTable => is(value, PgTable))
  .map((table) => ({ name: getTableName(table) as TableName, table }))
  .sort((a, b) => a.name.localeCompare(b.name));

/** Counters of login and token attempts: a refused request may (and must) count there. */
const COUNTS_REFUSALS = ["auth_throttle"] as const;
export type UnchangedTable = Exclude<TableName, (typeof COUNTS_REFUSALS)[number]>;

/** Every table a refused command must leave exactly as it was. */
export const UNCHANGED_BY_REFUSALS = SCHEMA_TABLES.filter((t): t is { name: UnchangedTable; table: PgTable } => !(COUNTS_REFUSALS as readonly string[]).includes(t.name));
