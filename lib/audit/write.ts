import "server-only";
import type { Executor } from "@/db/client";
import { sql } from "drizzle-orm";
import { auditLog } from "@/db/schema";

export type AuditEntry = {
  tenantId: string | null;
  orgId?: string | null;
  actorId?: string | null;
  actorEmail?: string | null;
  /** OWASP logging vocabulary where it fits: authn_login_success, user_updated, ... */
  action: string;
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
const ROWS_PER_INSERT = 5_000;

/**
 * A bulk command's rows, sent as one JSON parameter per statement and unpacked by Postgres
 * (jsonb_to_recordset). Building a 12-parameters-a-row INSERT took Drizzle ~1 s of CPU for
 * 10,000 rows (bench/README.md), and such a statement cannot pass 65,535 parameters.
 */
export async function writeAuditMany(db: Executor, entries: readonly AuditEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += ROWS_PER_INSERT) await insertAudit(db, entries.slice(i, i + ROWS_PER_INSERT));
}

async function insertAudit(db: Executor, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const rows = entries.map((entry) => ({
    tenant_id: entry.tenantId,
    org_id: entry.orgId ?? null,
    actor_id: entry.actorId ?? null,
    actor_email: entry.actorEmail ?? null,
    action: entry.action,
    target_type: entry.targetType ?? null,
    target_id: entry.targetId ?? null,
    target_label: entry.targetLabel ?? null,
    // Wrapped so that a JSON null stays a JSON value apart from "no value" (SQL NULL).
    before: entry.before === undefined || entry.before === null ? null : { v: entry.before },
    after: entry.after === undefined || entry.after === null ? null : { v: entry.after },
    request_id: entry.requestId ?? null,
    ip: entry.ip ?? null,
  }));
  await db.execute(sql`
    INSERT INTO ${auditLog} (tenant_id, org_id, actor_id, actor_email, action, target_type, target_id, target_label, before, after, request_id, ip)
    SELECT tenant_id, org_id, actor_id, actor_email, action, target_type, target_id, target_label, before -> 'v', after -> 'v', request_id, ip
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(
      tenant_id uuid, org_id uuid, actor_id uuid, actor_email text, action text, target_type text, target_id uuid,
      target_label text, before jsonb, after jsonb, request_id text, ip text)`);
}
