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

export const PAGE_SIZES = [25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 50;

