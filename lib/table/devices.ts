// The devices list: its URL and the filters that URL means.
import { parseAsBoolean, parseAsInteger, parseAsStringLiteral } from "nuqs/server";
import { z } from "zod";
import { DEVICE_SORT_KEYS } from "@/lib/devices/sort";
import { UUID_PATTERN } from "@/lib/sql/uuid";
import { LOCATIONS_MAX, TAGS_MAX } from "@/lib/users/filters";
import { defineList } from "./define";
import { LIST_SCOPES, parseAsListOf, parseAsPageSize, parseAsScope, parseAsSearch, parseAsSortDir, SEARCH_MAX } from "./parsers";

export const devicesList = defineList({
  url: {
    q: parseAsSearch,
    scope: parseAsScope,
    noowner: parseAsBoolean.withDefault(false),
    loc: parseAsListOf(UUID_PATTERN, LOCATIONS_MAX),
    tag: parseAsListOf(UUID_PATTERN, TAGS_MAX),
    sort: parseAsStringLiteral(DEVICE_SORT_KEYS).withDefault("name"),
    dir: parseAsSortDir("asc"),
    size: parseAsPageSize,
    page: parseAsInteger.withDefault(1),
  },
  filters: z.strictObject({
    q: z.string().max(SEARCH_MAX),
    scope: z.enum(LIST_SCOPES),
    noOwner: z.boolean(),
    locations: z.array(z.uuid()).max(LOCATIONS_MAX),
    tags: z.array(z.uuid()).max(TAGS_MAX),
  }),
  toFilters: (url) => ({ q: url.q, scope: url.scope, noOwner: url.noowner, locations: url.loc, tags: url.tag }),
  toUrl: (filters) => ({ q: filters.q, scope: filters.scope, noowner: filters.noOwner, loc: filters.locations, tag: filters.tags }),
});

/** Devices pages are numbered: any change but paging goes back to page 1. */
export const DEVICES_PAGING = ["page"] as const;
