import "server-only";
import type { Executor } from "@/db/client";
import { sql, type SQL } from "drizzle-orm";
import { auditLog } from "@/db/schema";
import type { AuditAction } from "./actions";

export type AuditEntry = {
  tenantId: string | null;
  orgId?: string | null;
  actorId?: string | null;
  actorEmail?: string | null;
  action: AuditAction;
  targetType?: string | null;
  targetId?: string | null;
  targetLabel?: string | null;
  before?: unknown;
  after?: unknown;
  requestId?: string | null;
  ip?: string | null;
};

export async function writeAudit(db: Executor, entry: AuditEntry): Promise<void> {
  await writeAuditMany(db, [entry]);
}

// Rows per statement: keeps one statement's JSON to a few megabytes.
const ROWS_PER_INSERT = 10_000;

type Column = {
  value: (entry: AuditEntry) => unknown;
  /** The value when every row has the same one: one parameter for the whole statement. */
  shared: (value: unknown) => SQL;
  /** The value at `index` of row `r` (a JSON array) otherwise. */
  perRow: (index: number) => SQL;
};

const uuid = (value: Column["value"]): Column => ({ value, shared: (v) => sql`${v}::uuid`, perRow: (i) => sql`(r ->> ${i}::int)::uuid` });
const text = (value: Column["value"]): Column => ({ value, shared: (v) => sql`${v}::text`, perRow: (i) => sql`r ->> ${i}::int` });
const json = (value: Column["value"]): Column => ({
  value,
  shared: (v) => sql`${v === null ? null : JSON.stringify(v)}::jsonb`,
  perRow: (i) => sql`nullif(r -> ${i}::int, 'null'::jsonb)`,
});

// In the order of the INSERT's column list. A missing value is SQL NULL everywhere: `before:
// null` records "nothing before", not JSON null.
const COLUMNS: Column[] = [
  uuid((e) => e.tenantId),
  uuid((e) => e.orgId),
  uuid((e) => e.actorId),
  text((e) => e.actorEmail),
  text((e) => e.action),
  text((e) => e.targetType),
  uuid((e) => e.targetId),
  text((e) => e.targetLabel),
  json((e) => e.before),
  json((e) => e.after),
  text((e) => e.requestId),
  text((e) => e.ip),
];

/**
 * A bulk command's rows in one statement per 10,000: what differs between rows travels as one
 * JSON array of arrays unpacked by Postgres, what every row shares (actor, action, request,
 * often the "after") as a single parameter. One parameter per value is slow in Drizzle
 * for 10,000 rows and cannot pass 65,535 parameters; JSON objects repeating every key and
 * every shared value were larger and slower.
 */
export async function writeAuditMany(db: Executor, entries: readonly AuditEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += ROWS_PER_INSERT) await insertAudit(db, entries.slice(i, i + ROWS_PER_INSERT));
}

async function insertAudit(db: Executor, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const values = COLUMNS.map((column) => entries.map((entry) => column.value(entry) ?? null));
  const varying = COLUMNS.map((_, c) => {
    const first = comparable(values[c]![0]);
    return values[c]!.some((value) => comparable(value) !== first);
  });
  const varyingIndexes = COLUMNS.flatMap((_, c) => (varying[c] ? [c] : []));
  const rows = entries.map((_, i) => varyingIndexes.map((c) => values[c]![i]));
  const selected = COLUMNS.map((column, c) => (varying[c] ? column.perRow(varyingIndexes.indexOf(c)) : column.shared(values[c]![0])));
  await db.execute(sql`
    INSERT INTO ${auditLog} (tenant_id, org_id, actor_id, actor_email, action, target_type, target_id, target_label, before, after, request_id, ip)
    SELECT ${sql.join(selected, sql`, `)} FROM jsonb_array_elements(${JSON.stringify(rows)}::jsonb) AS r`);
}

/** Strings and null compare as they are; JSON values by their text. */
function comparable(value: unknown): unknown {
  return value !== null && typeof value === "object" ? JSON.stringify(value) : value;
}
