// The locations list (Settings → Locations): its URL and the filters that URL means.
import { parseAsInteger, parseAsStringLiteral } from "nuqs/server";
import { z } from "zod";
import { LOCATION_SORT_KEYS } from "@/lib/locations/sort";
import { defineList } from "./define";
import { parseAsPageSize, parseAsSearch, parseAsSortDir, SEARCH_MAX } from "./parsers";

export const locationsList = defineList({
  url: {
    q: parseAsSearch,
    sort: parseAsStringLiteral(LOCATION_SORT_KEYS).withDefault("name"),
    dir: parseAsSortDir("asc"),
    size: parseAsPageSize,
    page: parseAsInteger.withDefault(1),
  },
  filters: z.strictObject({ q: z.string().max(SEARCH_MAX) }),
  toFilters: (url) => ({ q: url.q }),
  toUrl: (filters) => ({ q: filters.q }),
});

/** Locations pages are numbered: any change but paging goes back to page 1. */
export const LOCATIONS_PAGING = ["page"] as const;
