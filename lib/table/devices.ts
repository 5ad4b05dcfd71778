// The devices list: its URL and the filters that URL means.
import { parseAsInteger, parseAsStringLiteral } from "nuqs/server";
import { z } from "zod";
import { DEVICE_SORT_KEYS } from "@/lib/devices/sort";
import { defineList } from "./define";
import { LIST_SCOPES, parseAsPageSize, parseAsScope, parseAsSearch, parseAsSortDir, SEARCH_MAX } from "./parsers";

export const devicesList = defineList({
  url: {
    q: parseAsSearch,
    scope: parseAsScope,
    sort: parseAsStringLiteral(DEVICE_SORT_KEYS).withDefault("name"),
    dir: parseAsSortDir("asc"),
    size: parseAsPageSize,
    page: parseAsInteger.withDefault(1),
  },
  filters: z.strictObject({ q: z.string().max(SEARCH_MAX), scope: z.enum(LIST_SCOPES) }),
  toFilters: (url) => ({ q: url.q, scope: url.scope }),
  toUrl: (filters) => filters,
});

/** Devices pages are numbered: any change but paging goes back to page 1. */
export const DEVICES_PAGING = ["page"] as const;
