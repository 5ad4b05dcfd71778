import "server-only";
import { assertAllowed } from "@/lib/commands/authorize";
import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { auditLog, organizations } from "@/db/schema";
import type { Actor } from "@/lib/commands/actor";
import { orgTarget } from "@/lib/orgs/target";
import { orgsAtOrBelow } from "@/lib/orgs/subtree-sql";
import { escapeLike } from "@/lib/sql/like";
import type { AuditFilters } from "@/lib/table/audit";

export type AuditRow = {
  id: number;
  createdAt: Date;
  actorId: string | null;
  actorEmail: string | null;
  actorName: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  targetLabel: string | null;
  targetName: string | null;
  orgId: string | null;
  /** As it was when the row was written; older rows, which kept no name, show today's. */
  orgName: string | null;
  before: unknown;
  after: unknown;
};

/** Audit rows of the org shown and its subtree, newest first (security.md J3: tenant-scoped). */
function auditWhere(actor: Actor, filters: AuditFilters): SQL {
  const like = (text: string) => `%${escapeLike(text)}%`;
  return sql.join(
    [
      sql`a.tenant_id = ${actor.viewer.tenant.id}`,
      sql`a.org_id IN (SELECT ${organizations.id} FROM ${organizations} WHERE ${orgsAtOrBelow(actor.viewer.tenant.id, actor.org.path)})`,
      filters.actor ? sql`(a.actor_email ILIKE ${like(filters.actor)} OR a.actor_name ILIKE ${like(filters.actor)})` : sql`TRUE`,
      filters.action ? sql`a.action = ${filters.action}` : sql`TRUE`,
      filters.target ? sql`(a.target_label ILIKE ${like(filters.target)} OR a.target_name ILIKE ${like(filters.target)})` : sql`TRUE`,
      filters.from ? sql`a.created_at >= ${filters.from}` : sql`TRUE`,
      // "To" is a day: everything up to its end.
      filters.to ? sql`a.created_at < ${new Date(filters.to.getTime() + 86_400_000)}` : sql`TRUE`,
    ],
    sql` AND `,
  );
}

const columns = sql`a.id, a.created_at, a.actor_id, a.actor_email, a.actor_name, a.action, a.target_type, a.target_id, a.target_label, a.target_name,
  a.org_id, coalesce(a.org_name, o.name) AS org_name, a.before, a.after`;

function toRow(r: Record<string, unknown>): AuditRow {
  return {
    id: Number(r.id),
    createdAt: r.created_at instanceof Date ? r.created_at : new Date(String(r.created_at)),
    actorId: (r.actor_id as string | null) ?? null,
    actorEmail: (r.actor_email as string | null) ?? null,
    actorName: (r.actor_name as string | null) ?? null,
    action: String(r.action),
    targetType: (r.target_type as string | null) ?? null,
    targetId: (r.target_id as string | null) ?? null,
    targetLabel: (r.target_label as string | null) ?? null,
    targetName: (r.target_name as string | null) ?? null,
    orgId: (r.org_id as string | null) ?? null,
    orgName: (r.org_name as string | null) ?? null,
    before: r.before ?? null,
    after: r.after ?? null,
  };
}

/** One page, keyset by id (the log only grows, so ids follow time). */
export async function listAudit(db: Executor, actor: Actor, filters: AuditFilters, options: { before?: number | null; size?: number } = {}): Promise<{ rows: AuditRow[]; next: number | null }> {
  assertAllowed(actor.policy, "audit.view", orgTarget(actor));
  const size = options.size ?? 50;
  const result = await db.execute<Record<string, unknown>>(sql`
    SELECT ${columns} FROM ${auditLog} a LEFT JOIN ${organizations} o ON o.id = a.org_id
    WHERE ${auditWhere(actor, filters)} ${options.before ? sql`AND a.id < ${options.before}` : sql``}
    ORDER BY a.id DESC LIMIT ${size + 1}`);
  const rows = result.rows.slice(0, size).map(toRow);
  return { rows, next: result.rows.length > size ? rows[rows.length - 1]!.id : null };
}

/** Every matching row, in chunks, for the CSV export (memory stays flat). */
export async function* auditRowsForExport(db: Executor, actor: Actor, filters: AuditFilters): AsyncGenerator<AuditRow> {
  let before: number | null = null;
  for (;;) {
    const page = await listAudit(db, actor, filters, { before, size: 2_000 });
    yield* page.rows;
    if (!page.next) return;
    before = page.next;
  }
}

/** The actions present in the log, for the filter's options. */
export async function auditActions(db: Executor, actor: Actor): Promise<string[]> {
  const result = await db.execute<{ action: string }>(sql`SELECT DISTINCT action FROM ${auditLog} WHERE tenant_id = ${actor.viewer.tenant.id} ORDER BY action LIMIT 200`);
  return result.rows.map((r) => r.action);
}
