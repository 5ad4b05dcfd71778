// The filters of the users table, shared by the page, "all matching" bulk actions and the CSV
// export, so all three always mean the same set of people.
import { z } from "zod";
import { LIST_SCOPES, SEARCH_MAX } from "@/lib/table/parsers";

export const USER_STATUSES = ["active", "pending", "inactive", "suspended"] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

/** How a status reads: the table's badge, its filter and the CSV export. */
export const USER_STATUS_LABELS: Readonly<Record<UserStatus, string>> = { active: "Active", pending: "Pending", inactive: "Inactive", suspended: "Suspended" };

/** Inactive: no login for more than 30 days (product.md §2). */
export const INACTIVE_AFTER_DAYS = 30;

/** Logged in before this moment: inactive. */
export const inactiveCutoff = (now: Date) => new Date(now.getTime() - INACTIVE_AFTER_DAYS * 86_400_000);

/** A role key as the tenant's roles spell them. */
export const ROLE_KEY = /^[a-z][a-z0-9_]{0,39}$/;
/** At most this many roles in one filter. */
export const ROLES_MAX = 20;

/** At most this many locations in one filter. */
export const LOCATIONS_MAX = 20;
/** At most this many tags in one filter. */
export const TAGS_MAX = 10;

/** The same value twice in a list filter means it once (a hand-edited URL may repeat it). */
const distinct = <T>(values: T[]) => [...new Set(values)];

export const userFiltersSchema = z.strictObject({
  // A NUL byte cannot be stored in Postgres text, so no name or email holds one: dropped.
  q: z
    .string()
    .transform((q) => q.replaceAll("\u0000", ""))
    .pipe(z.string().trim().max(SEARCH_MAX))
    .default(""),
  roles: z.array(z.string().regex(ROLE_KEY)).transform(distinct).pipe(z.array(z.string()).max(ROLES_MAX)).default([]),
  statuses: z.array(z.enum(USER_STATUSES)).transform(distinct).pipe(z.array(z.enum(USER_STATUSES)).max(USER_STATUSES.length)).default([]),
  /** "org": the org shown; "reach": it and every org below it. */
  scope: z.enum(LIST_SCOPES).default("org"),
  noDevices: z.boolean().default(false),
  /** People at any of these locations. */
  locations: z.array(z.uuid()).transform(distinct).pipe(z.array(z.string()).max(LOCATIONS_MAX)).default([]),
  /** Users carrying any of these tags. */
  tags: z.array(z.uuid()).transform(distinct).pipe(z.array(z.string()).max(TAGS_MAX)).default([]),
});
export type UserFilters = z.output<typeof userFiltersSchema>;

/** Whether anything narrows the list within its scope (what Reset clears; the scope it keeps). */
export const isFiltered = (f: UserFilters) => f.q !== "" || f.roles.length > 0 || f.statuses.length > 0 || f.noDevices || f.locations.length > 0 || f.tags.length > 0;

/** Status as shown, in the precedence of product.md §2. */
export function statusOf(user: { suspendedAt: Date | null; acceptedAt: Date | null; lastLoginAt: Date | null }, now = new Date()): UserStatus {
  if (user.suspendedAt) return "suspended";
  if (!user.acceptedAt) return "pending";
  if (!user.lastLoginAt || user.lastLoginAt < inactiveCutoff(now)) return "inactive";
  return "active";
}
