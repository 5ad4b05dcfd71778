import "server-only";
import type { Executor } from "@/db/client";
import { sql, type SQL } from "drizzle-orm";
import { auditLog, devices, organizations, users } from "@/db/schema";
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
  name: string;
  value: (entry: AuditEntry) => unknown;
  /** The value when every row has the same one: one parameter for the whole statement. */
  shared: (value: unknown) => SQL;
  /** The value at `index` of row `r` (a JSON array) otherwise. */
  perRow: (index: number) => SQL;
};

const uuid = (name: string, value: Column["value"]): Column => ({ name, value, shared: (v) => sql`${v}::uuid`, perRow: (i) => sql`(r ->> ${i}::int)::uuid` });
const text = (name: string, value: Column["value"]): Column => ({ name, value, shared: (v) => sql`${v}::text`, perRow: (i) => sql`r ->> ${i}::int` });
const json = (name: string, value: Column["value"]): Column => ({
  name,
  value,
  shared: (v) => sql`${v === null ? null : JSON.stringify(v)}::jsonb`,
  perRow: (i) => sql`nullif(r -> ${i}::int, 'null'::jsonb)`,
});

// In the order of the INSERT's column list. A missing value is SQL NULL everywhere: `before:
// null` records "nothing before", not JSON null.
const COLUMNS: Column[] = [
  uuid("tenant_id", (e) => e.tenantId),
  uuid("org_id", (e) => e.orgId),
  uuid("actor_id", (e) => e.actorId),
  text("actor_email", (e) => e.actorEmail),
  text("action", (e) => e.action),
  text("target_type", (e) => e.targetType),
  uuid("target_id", (e) => e.targetId),
  text("target_label", (e) => e.targetLabel),
  json("before", (e) => e.before),
  json("after", (e) => e.after),
  text("request_id", (e) => e.requestId),
  text("ip", (e) => e.ip),
];

/**
 * The names of the actor, the target and the org as they are now, in the writing transaction,
 * so the log keeps them however they change later. A target the command has just deleted has
 * none; its row carries what it was in `before`.
 */
const NAMES = sql`
  (SELECT u.name FROM ${users} u WHERE u.id = v.actor_id AND u.tenant_id = v.tenant_id),
  CASE v.target_type
    WHEN 'user' THEN (SELECT u.name FROM ${users} u WHERE u.id = v.target_id AND u.tenant_id = v.tenant_id)
    WHEN 'org' THEN (SELECT o.name FROM ${organizations} o WHERE o.id = v.target_id AND o.tenant_id = v.tenant_id)
    WHEN 'organization' THEN (SELECT o.name FROM ${organizations} o WHERE o.id = v.target_id AND o.tenant_id = v.tenant_id)
    WHEN 'device' THEN (SELECT d.name FROM ${devices} d WHERE d.id = v.target_id AND d.tenant_id = v.tenant_id)
  END,
  (SELECT o.name FROM ${organizations} o WHERE o.id = v.org_id AND o.tenant_id = v.tenant_id)`;

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
  const selected = COLUMNS.map((column, c) => sql`${varying[c] ? column.perRow(varyingIndexes.indexOf(c)) : column.shared(values[c]![0])} AS ${sql.identifier(column.name)}`);
  const names = sql.join(COLUMNS.map((column) => sql.identifier(column.name)), sql`, `);
  await db.execute(sql`
    INSERT INTO ${auditLog} (${names}, actor_name, target_name, org_name)
    SELECT v.*, ${NAMES} FROM (SELECT ${sql.join(selected, sql`, `)} FROM jsonb_array_elements(${JSON.stringify(rows)}::jsonb) AS r) AS v`);
}

/** Strings and null compare as they are; JSON values by their text. */
function comparable(value: unknown): unknown {
  return value !== null && typeof value === "object" ? JSON.stringify(value) : value;
}
