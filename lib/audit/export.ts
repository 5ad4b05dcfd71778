import "server-only";
import type { Executor } from "@/db/client";
import type { Actor } from "@/lib/commands/actor";
import { isoInTimeZone } from "@/lib/format/iso-offset";
import type { AuditFilters } from "@/lib/table/audit";
import { neutralizeFormula } from "@/lib/users/export";
import { auditContext } from "./context";
import { describeAudit } from "./describe";
import { auditRowsForExport } from "./list";

/**
 * The audit log as CSV: the machine-readable columns (action key, ids, before and after as
 * JSON) beside the readable ones and a one-line summary, dates in the org's time zone.
 */
export async function auditCsv(db: Executor, actor: Actor, filters: AuditFilters): Promise<{ columns: string[]; rows: AsyncGenerator<string[]> }> {
  const timeZone = actor.org.timezone;
  const context = await auditContext(db, actor.viewer.tenant.id, timeZone);
  const columns = [`When (${timeZone})`, "Who", "Who (email)", "Action", "What", "Target type", "Target id", "Target", "Target (as recorded)", "Organization id", "Organization", "Before (JSON)", "After (JSON)", "Summary"];
  const json = (value: unknown) => (value === null || value === undefined ? "" : JSON.stringify(value));
  async function* rows() {
    for await (const r of auditRowsForExport(db, actor, filters)) {
      const d = describeAudit(r, context);
      yield [isoInTimeZone(r.createdAt, timeZone), d.who, r.actorEmail ?? "", r.action, d.what, r.targetType ?? "", r.targetId ?? "", d.target ?? "", r.targetLabel ?? "", r.orgId ?? "", r.orgName ?? "", json(r.before), json(r.after), d.summary].map(neutralizeFormula);
    }
  }
  return { columns, rows: rows() };
}
