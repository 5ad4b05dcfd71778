import "server-only";
import { assertAllowed } from "@/lib/commands/authorize";
import { and, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import type { Actor } from "@/lib/commands/actor";
import { isoInTimeZone } from "@/lib/format/iso-offset";
import { roleLabel } from "@/lib/orgs/labels";
import { orgTarget } from "@/lib/orgs/target";
import { isAnyOf } from "@/lib/sql/any-of";
import { userListWhere } from "./filter-sql";
import { statusOf, USER_STATUS_LABELS, type UserFilters, type UserStatus } from "./filters";
import { listUsers, userListOrder } from "./list";
import { tenantRoles } from "./page-data";
import { DEFAULT_SORT, type SortDir, type UserSortKey } from "./sort";

/** The columns, dates said in the zone they are given in (the org's: no viewer reads a file). */
export function exportColumns(timeZone: string): string[] {
  return ["Name", "Email", "Organization", "Role", "Status", `Last login (${timeZone})`, `Registered (${timeZone})`, "Tags", "Locations"];
}

const CHUNK = 2_000;

/** A spreadsheet must not run a cell as a formula (security.md F4). */
export function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r\0]/.test(value) ? `'${value}` : value;
}

type ExportRow = { id: string; name: string; email: string; orgName: string; role: string; status: UserStatus; lastLoginAt: Date | null; registeredAt: Date };
type Selection = { userIds?: string[]; filters: UserFilters; sort?: { key: UserSortKey; dir: SortDir } };

/**
 * "All matching", page by page through the users list itself, so the file has the table's
 * rows in the table's order (ties included); memory stays flat however many match.
 */
async function* matchingPages(db: Db, actor: Actor, filters: UserFilters, sort: Required<Selection>["sort"], now: Date): AsyncGenerator<ExportRow[]> {
  let after: string | null = null;
  for (;;) {
    const page: Awaited<ReturnType<typeof listUsers>> = await listUsers(db, actor, { filters, sort, size: CHUNK, cursor: after ? { after } : undefined }, now);
    yield page.rows;
    if (!page.next) return;
    after = page.next;
  }
}

/** The selected users (a bulk selection: at most a thousand) within the actor's reach, in the table's order. */
async function* selectedPage(db: Db, actor: Actor, selection: Selection, sort: Required<Selection>["sort"], now: Date): AsyncGenerator<ExportRow[]> {
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      orgName: users.orgName,
      role: users.role,
      acceptedAt: users.acceptedAt,
      suspendedAt: users.suspendedAt,
      lastLoginAt: users.lastLoginAt,
      registeredAt: users.registeredAt,
    })
    .from(users)
    .where(and(userListWhere(actor, { ...selection.filters, scope: "reach" }, now), isAnyOf(users.id, selection.userIds ?? [])))
    .orderBy(userListOrder(sort));
  yield rows.map((r) => ({ ...r, status: statusOf(r, now) }));
}

/** Tags and locations of a page of users, each a sorted list; within the tenant, as every read is. */
async function namesOf(db: Db, tenantId: string, ids: string[]): Promise<Map<string, { tags: string; locations: string }>> {
  if (ids.length === 0) return new Map();
  const result = await db.execute<{ id: string; tags: string | null; locations: string | null }>(sql`
    SELECT u.id,
      (SELECT string_agg(t.name, ', ' ORDER BY lower(t.name), t.id) FROM user_tags ut JOIN tags t ON t.id = ut.tag_id WHERE ut.user_id = u.id) AS tags,
      (SELECT string_agg(l.name, ', ' ORDER BY l.name) FROM user_locations ul JOIN locations l ON l.id = ul.location_id WHERE ul.user_id = u.id) AS locations
    FROM ${users} u WHERE u.tenant_id = ${tenantId} AND u.id IN (SELECT unnest(${sql.param(ids)}::uuid[]))`);
  return new Map(result.rows.map((r) => [String(r.id), { tags: r.tags ?? "", locations: r.locations ?? "" }]));
}

/**
 * The export's rows as the users table shows them: role names, status labels, dates in the
 * org's time zone with its offset (ISO 8601, so spreadsheets and scripts read them exactly).
 * Authorization and scope are those of the users table.
 */
export async function* exportUserRows(db: Db, actor: Actor, selection: Selection, now = new Date()): AsyncGenerator<string[]> {
  assertAllowed(actor.policy, "users.export", orgTarget(actor));
  const sort = selection.sort ?? DEFAULT_SORT;
  const timeZone = actor.org.timezone;
  const roleNames = new Map((await tenantRoles(db, actor.viewer.tenant.id)).map((r) => [r.key, r.name]));
  const pages = selection.userIds ? selectedPage(db, actor, selection, sort, now) : matchingPages(db, actor, selection.filters, sort, now);
  for await (const page of pages) {
    const more = await namesOf(db, actor.viewer.tenant.id, page.map((r) => r.id));
    for (const r of page) {
      yield [
        r.name,
        r.email,
        r.orgName,
        roleNames.get(r.role) ?? roleLabel(r.role),
        USER_STATUS_LABELS[r.status],
        r.lastLoginAt ? isoInTimeZone(r.lastLoginAt, timeZone) : "",
        isoInTimeZone(r.registeredAt, timeZone),
        more.get(r.id)?.tags ?? "",
        more.get(r.id)?.locations ?? "",
      ].map(neutralizeFormula);
    }
  }
}
