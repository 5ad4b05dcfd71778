import "server-only";
import { assertAllowed } from "@/lib/commands/authorize";
import { and, asc, gt, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import type { Actor } from "@/lib/commands/actor";
import { orgTarget } from "@/lib/orgs/target";
import { isBuiltinRole, ROLE_LABELS } from "@/lib/policy";
import { isAnyOf } from "@/lib/sql/any-of";
import { showsSubtree, subtreeOrgIdList, userListWhere } from "./filter-sql";
import { statusOf, type UserFilters } from "./filters";

export const EXPORT_COLUMNS = ["Name", "Email", "Organization", "Role", "Status", "Last login", "Registered", "Tags", "Locations"] as const;

const CHUNK = 2_000;

/** A spreadsheet must not run a cell as a formula (security.md F4). */
export function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r\0]/.test(value) ? `'${value}` : value;
}

const roleLabel = (role: string) => (isBuiltinRole(role) ? ROLE_LABELS[role] : role);

/**
 * Where the export reads: the selected users, the whole tenant (reach from the root), or one
 * org at a time. Walking a subtree org by org reads only its users through the org index;
 * walking the tenant's ids with the subtree as a filter would read every user of the tenant.
 */
async function exportParts(db: Db, actor: Actor, selection: { userIds?: string[]; filters: UserFilters }, now: Date): Promise<SQL[]> {
  if (selection.userIds) return [and(userListWhere(actor, { ...selection.filters, scope: "reach" }, now), isAnyOf(users.id, selection.userIds))!];
  if (!showsSubtree(actor, selection.filters) || actor.org.depth === 1) return [userListWhere(actor, selection.filters, now)];
  return (await subtreeOrgIdList(db, actor)).map((orgId) => userListWhere(actor, selection.filters, now, [orgId]));
}

/**
 * The export's rows, read in keyset chunks by id so memory stays flat however many users match
 * (the route streams them). Authorization and scope are those of the users table.
 */
export async function* exportUserRows(db: Db, actor: Actor, selection: { userIds?: string[]; filters: UserFilters }, now = new Date()): AsyncGenerator<string[]> {
  assertAllowed(actor.policy, "users.export", orgTarget(actor));
  for (const where of await exportParts(db, actor, selection, now)) yield* exportPart(db, where, now);
}

async function* exportPart(db: Db, where: SQL, now: Date): AsyncGenerator<string[]> {
  let after: string | null = null;
  for (;;) {
    const rows: Array<{
      id: string; name: string; email: string; org: string; role: string; acceptedAt: Date | null; suspendedAt: Date | null;
      lastLoginAt: Date | null; registeredAt: Date; tags: string | null; locations: string | null;
    }> = await db
      // The subqueries name "users"."id" in full: with one table in FROM, Drizzle renders
      // ${users.id} as a bare "id", which inside them would mean tags.id / locations.id.
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        org: users.orgName,
        role: users.role,
        acceptedAt: users.acceptedAt,
        suspendedAt: users.suspendedAt,
        lastLoginAt: users.lastLoginAt,
        registeredAt: users.registeredAt,
        tags: sql<string | null>`(SELECT string_agg(t.name, ', ' ORDER BY t.name) FROM user_tags ut JOIN tags t ON t.id = ut.tag_id WHERE ut.user_id = "users"."id")`,
        locations: sql<string | null>`(SELECT string_agg(l.name, ', ' ORDER BY l.name) FROM user_locations ul JOIN locations l ON l.id = ul.location_id WHERE ul.user_id = "users"."id")`,
      })
      .from(users)
      .where(and(where, after ? gt(users.id, after) : undefined))
      .orderBy(asc(users.id))
      .limit(CHUNK);
    for (const r of rows) {
      yield [
        r.name,
        r.email,
        r.org,
        roleLabel(r.role),
        statusOf(r, now),
        r.lastLoginAt?.toISOString() ?? "",
        r.registeredAt.toISOString(),
        r.tags ?? "",
        r.locations ?? "",
      ].map(neutralizeFormula);
    }
    if (rows.length < CHUNK) return;
    after = rows[rows.length - 1]!.id;
  }
}
