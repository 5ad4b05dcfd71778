import "server-only";
import type { Executor } from "@/db/client";
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

// 12 bound parameters a row; Postgres takes at most 65,535 per statement.
const ROWS_PER_INSERT = 4_000;

/** A bulk command's rows, in as few statements as the parameter limit allows. */
export async function writeAuditMany(db: Executor, entries: readonly AuditEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += ROWS_PER_INSERT) await insertAudit(db, entries.slice(i, i + ROWS_PER_INSERT));
}

async function insertAudit(db: Executor, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db.insert(auditLog).values(entries.map((entry) => ({
    tenantId: entry.tenantId,
    orgId: entry.orgId ?? null,
    actorId: entry.actorId ?? null,
    actorEmail: entry.actorEmail ?? null,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    targetLabel: entry.targetLabel ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    requestId: entry.requestId ?? null,
    ip: entry.ip ?? null,
  })));
}
