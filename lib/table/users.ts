// The users list: its URL (the page's and the CSV export's), and the filters that URL means.
import { parseAsArrayOf, parseAsBoolean, parseAsStringLiteral } from "nuqs/server";
import { LOCATIONS_MAX, ROLE_KEY, ROLES_MAX, TAGS_MAX, USER_STATUSES, userFiltersSchema } from "@/lib/users/filters";
import { UUID_PATTERN } from "@/lib/sql/uuid";
import { DEFAULT_SORT, USER_SORT_KEYS } from "@/lib/users/sort";
import { defineList } from "./define";
import { parseAsCursor, parseAsListOf, parseAsPageSize, parseAsScope, parseAsSearch, parseAsSortDir } from "./parsers";

export const usersList = defineList({
  url: {
    q: parseAsSearch,
    role: parseAsListOf(ROLE_KEY, ROLES_MAX),
    status: parseAsArrayOf(parseAsStringLiteral(USER_STATUSES)).withDefault([]),
    scope: parseAsScope,
    nodev: parseAsBoolean.withDefault(false),
    loc: parseAsListOf(UUID_PATTERN, LOCATIONS_MAX),
    tag: parseAsListOf(UUID_PATTERN, TAGS_MAX),
    sort: parseAsStringLiteral(USER_SORT_KEYS).withDefault(DEFAULT_SORT.key),
    dir: parseAsSortDir(DEFAULT_SORT.dir),
    size: parseAsPageSize,
    after: parseAsCursor,
    before: parseAsCursor,
  },
  filters: userFiltersSchema,
  toFilters: (url) => ({ q: url.q, roles: url.role, statuses: url.status, scope: url.scope, noDevices: url.nodev, locations: url.loc, tags: url.tag }),
  toUrl: (filters) => ({ q: filters.q, role: filters.roles, status: filters.statuses, scope: filters.scope, nodev: filters.noDevices, loc: filters.locations, tag: filters.tags }),
});

/** The keys that page the users list; any other change goes back to the first page. */
export const USERS_PAGING = ["after", "before"] as const;
