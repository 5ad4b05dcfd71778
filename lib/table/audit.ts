// The audit log: its URL (the page's and the CSV export's), and the filters that URL means.
import { createParser, parseAsIsoDate, parseAsStringLiteral } from "nuqs/server";
import { z } from "zod";
import { AUDIT_ACTION_KEYS } from "@/lib/audit/actions";
import { defineList } from "./define";
import { parseAsSearch, SEARCH_MAX } from "./parsers";

/** The log's cursor: the id of the last row shown (ids follow time), digits only. */
const parseAsRowId = createParser({ parse: (value) => (/^\d{1,18}$/.test(value) ? Number(value) : null), serialize: String });

export const auditList = defineList({
  url: {
    actor: parseAsSearch,
    // An action the catalogue does not know is no filter at all.
    action: parseAsStringLiteral(AUDIT_ACTION_KEYS),
    target: parseAsSearch,
    from: parseAsIsoDate,
    to: parseAsIsoDate,
    before: parseAsRowId,
  },
  filters: z.strictObject({
    actor: z.string().max(SEARCH_MAX),
    action: z.enum(AUDIT_ACTION_KEYS).nullable(),
    target: z.string().max(SEARCH_MAX),
    from: z.date().nullable(),
    to: z.date().nullable(),
  }),
  toFilters: ({ actor, action, target, from, to }) => ({ actor, action, target, from, to }),
  toUrl: (filters) => filters,
});

export type AuditFilters = z.output<typeof auditList.filtersSchema>;
