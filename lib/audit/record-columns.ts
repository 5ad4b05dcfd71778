import { auditLog } from "@/db/schema";

/** The columns of an audit row that describeAudit reads (AuditRecord), for selects that format rows. */
export const AUDIT_RECORD_COLUMNS = {
  action: auditLog.action,
  actorEmail: auditLog.actorEmail,
  actorName: auditLog.actorName,
  targetLabel: auditLog.targetLabel,
  targetName: auditLog.targetName,
  orgName: auditLog.orgName,
  before: auditLog.before,
  after: auditLog.after,
};
