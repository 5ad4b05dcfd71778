// The audit log page's filters, shared by the page, its URL and the CSV export: one parser, so
// the page and the export read a URL the same way.
import { createLoader, parseAsIsoDate, parseAsString, parseAsStringLiteral } from "nuqs/server";
import { AUDIT_ACTION_KEYS, type AuditAction } from "./actions";

const auditUrlState = {
  actor: parseAsString.withDefault(""),
  // An action the catalogue does not know is no filter at all.
  action: parseAsStringLiteral(AUDIT_ACTION_KEYS),
  target: parseAsString.withDefault(""),
  from: parseAsIsoDate,
  to: parseAsIsoDate,
  before: parseAsString,
};

const loadAuditUrlState = createLoader(auditUrlState);

export type AuditFilters = { actor: string; action: AuditAction | null; target: string; from: Date | null; to: Date | null };

/** The filters and the page cursor of an audit URL, cleaned: bounded texts, a known action, a numeric cursor. */
export function auditFiltersFrom(search: URLSearchParams | Record<string, string | string[] | undefined>): { filters: AuditFilters; before: number | null } {
  const url = loadAuditUrlState(search);
  return {
    filters: { actor: url.actor.slice(0, 100), action: url.action, target: url.target.slice(0, 100), from: url.from, to: url.to },
    before: url.before && /^\d{1,18}$/.test(url.before) ? Number(url.before) : null,
  };
}
