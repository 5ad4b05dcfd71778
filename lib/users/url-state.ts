// The users table's state in the URL (sort, filters, search, page), so reload, back/forward
// and a pasted link show the same view. Shared by the page (server) and the table (client);
// unknown values fall back to the defaults.
import { createLoader, parseAsArrayOf, parseAsBoolean, parseAsNumberLiteral, parseAsString, parseAsStringLiteral } from "nuqs/server";
import { USER_SCOPES, USER_STATUSES } from "./filters";
import { DEFAULT_PAGE_SIZE, DEFAULT_SORT, PAGE_SIZES, USER_SORT_KEYS } from "./sort";

export const usersUrlState = {
  q: parseAsString.withDefault(""),
  role: parseAsArrayOf(parseAsString).withDefault([]),
  status: parseAsArrayOf(parseAsStringLiteral(USER_STATUSES)).withDefault([]),
  scope: parseAsStringLiteral(USER_SCOPES).withDefault("org"),
  nodev: parseAsBoolean.withDefault(false),
  sort: parseAsStringLiteral(USER_SORT_KEYS).withDefault(DEFAULT_SORT.key),
  dir: parseAsStringLiteral(["asc", "desc"] as const).withDefault(DEFAULT_SORT.dir),
  size: parseAsNumberLiteral(PAGE_SIZES).withDefault(DEFAULT_PAGE_SIZE),
  after: parseAsString,
  before: parseAsString,
};

export const loadUsersUrlState = createLoader(usersUrlState);
