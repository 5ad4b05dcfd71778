// The audit log page's filters, shared by the page, its URL and the CSV export.
import { createLoader, parseAsIsoDate, parseAsString } from "nuqs/server";

export const auditUrlState = {
  actor: parseAsString.withDefault(""),
  action: parseAsString.withDefault(""),
  target: parseAsString.withDefault(""),
  from: parseAsIsoDate,
  to: parseAsIsoDate,
  before: parseAsString,
};

export const loadAuditUrlState = createLoader(auditUrlState);

export type AuditFilters = { actor: string; action: string; target: string; from: Date | null; to: Date | null };
