// The sort orders of the users table. Each key maps to the exact expressions an index of
// db/schema.ts starts with (after tenant_id), so ORDER BY … LIMIT walks the index.

export const USER_SORT_KEYS = ["name", "email", "org", "role", "location", "status", "lastLogin", "registered", "devices"] as const;
export type UserSortKey = (typeof USER_SORT_KEYS)[number];
export type SortDir = "asc" | "desc";

export const DEFAULT_SORT: { key: UserSortKey; dir: SortDir } = { key: "name", dir: "asc" };
/** The direction a column sorts in on its first click. */
export const FIRST_DIR: Record<UserSortKey, SortDir> = {
  name: "asc",
  email: "asc",
  org: "asc",
  role: "asc",
  location: "asc",
  status: "asc",
  lastLogin: "desc",
  registered: "desc",
  devices: "desc",
};

// The bench (bench/lib/matrix.ts) reads the page size from here.
export { DEFAULT_PAGE_SIZE } from "@/lib/table/paging";

