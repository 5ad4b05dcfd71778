import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

/**
 * `column IN (SELECT unnest($1::uuid[]))`: the ids travel as one array parameter, and the
 * database looks each one up by index.
 *
 * `inArray` sends one parameter per id: a bulk command on 10,000 users spent more time
 * building, sending and planning those lists than running them. `= ANY($1)` with the same
 * array planned slowly and then, counting thousands of random probes dearer than reading the
 * table, scanned the whole table. Behind `unnest` the planner expects a few hundred ids and
 * probes the index for each.
 */
export function isAnyOf(column: AnyPgColumn, ids: readonly string[]): SQL {
  return sql`${column} IN (SELECT unnest(${sql.param([...ids])}::uuid[]))`;
}

/**
 * `column = ANY($1::uuid[])`: a short list of ids (a subtree's orgs) as one array parameter that
 * the planner still sees element by element, so it estimates and combines indexes exactly as for
 * `IN ($1, …, $n)`, without one parameter per id to send, parse and bind on every users page.
 * Not for thousands of ids: see isAnyOf.
 */
export function equalsAnyOf(column: AnyPgColumn, ids: readonly string[]): SQL {
  return sql`${column} = ANY(${sql.param([...ids])}::uuid[])`;
}
