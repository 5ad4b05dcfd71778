import "server-only";
import { createHash } from "node:crypto";
import { sql, type SQL } from "drizzle-orm";
import { PgDialect, type PgTable } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";

/**
 * The planner's estimate of how many rows of `table` match `where` (EXPLAIN, no execution).
 * Only ever used to pick the cheaper of two plans that give the same rows: a wrong guess costs
 * time, never a wrong answer.
 */
export async function estimatedRows(db: Db, table: PgTable, where: SQL): Promise<number> {
  const { rows } = await db.execute<Record<string, unknown>>(sql`EXPLAIN (FORMAT JSON) SELECT 1 FROM ${table} WHERE ${where}`);
  const raw = rows[0] ? Object.values(rows[0])[0] : null;
  const plan = (typeof raw === "string" ? JSON.parse(raw) : raw) as Array<{ Plan?: { "Plan Rows"?: number } }> | null;
  return Number(plan?.[0]?.Plan?.["Plan Rows"] ?? 0);
}

/**
 * How long an estimate is reused. Statistics move with ANALYZE and the table's size; a stale
 * estimate only picks the slower of two plans for the same rows.
 */
const REMEMBER_MS = 5 * 60_000;
const MAX_REMEMBERED = 5_000;

const dialect = new PgDialect();
// Per database object: the bench runs PGlite and Postgres databases with the same tenant ids.
const remembered = new WeakMap<object, Map<string, { rows: number; at: number }>>();

/**
 * estimatedRows, remembered for a few minutes per query: the EXPLAIN of a users list with a
 * region's org ids is costly (the planner weighs every id for each index led by org_id), and
 * the page's own statement plans it again. Paging, sorting and coming back
 * to a list ask for the same estimate. Dates in the query (the "inactive" cutoff moves with the
 * clock) are compared to the hour, so the key stays put between requests.
 */
export async function rememberedEstimate(db: Db, table: PgTable, where: SQL, now = Date.now()): Promise<number> {
  let estimates = remembered.get(db);
  if (!estimates) remembered.set(db, (estimates = new Map()));
  const key = keyOf(table, where);
  const hit = estimates.get(key);
  if (hit && now - hit.at < REMEMBER_MS) return hit.rows;
  const rows = await estimatedRows(db, table, where);
  estimates.delete(key);
  estimates.set(key, { rows, at: now });
  if (estimates.size > MAX_REMEMBERED) estimates.delete(estimates.keys().next().value!);
  return rows;
}

/** Forgets every remembered estimate of `db` (a test that has just analyzed a table). */
export function forgetEstimates(db: Db): void {
  remembered.delete(db);
}

function keyOf(table: PgTable, where: SQL): string {
  const query = dialect.sqlToQuery(sql`${table} ${where}`);
  const params = JSON.stringify(query.params, (_, value: unknown) =>
    typeof value === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:/.test(value) ? value.slice(0, 13) : value,
  );
  return createHash("sha256").update(query.sql).update("\0").update(params).digest("base64url");
}
