import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { locations, organizations } from "@/db/schema";
import type { Actor } from "@/lib/commands/actor";
import { equalsAnyOf } from "@/lib/sql/any-of";

// Inheritance (product.md §1): a location belongs to one org and is usable — assignable, offered
// in pickers and filters — in that org and every org below it. A sub-org never learns the names
// of orgs above the viewer's own: an inherited location names its org only when it is in reach.

/** The ids of an org and its ancestors, read from its materialized path ("r/c/g/"). */
export const chainOf = (path: string): string[] => path.split("/").filter(Boolean);

/** "The location's org is this org or above it": the location is usable in the org with `path`. */
export const usableIn = (locationOrgPath: string, orgPath: string): boolean => orgPath.startsWith(locationOrgPath);

export type UsableLocation = {
  id: string;
  name: string;
  /** Owned by an org above the one shown. */
  inherited: boolean;
  /** The owning org's name when the viewer may know it (their own org or below); else null. */
  orgName: string | null;
};

/** The owning org's name as the viewer may see it: only orgs at or below their own org. */
export const orgNameFor = (actor: Actor, org: { path: string; name: string }): string | null => (org.path.startsWith(actor.policy.org.path) ? org.name : null);

/**
 * The locations usable in the org with `orgPath` (the current org by default, or one in view
 * below it for a dialog acting there), by name: for pickers and filters.
 */
export async function usableLocations(db: Executor, actor: Actor, orgPath = actor.org.path): Promise<UsableLocation[]> {
  const rows = await db
    .select({ id: locations.id, name: locations.name, orgId: locations.orgId, orgPath: organizations.path, orgName: organizations.name })
    .from(locations)
    .innerJoin(organizations, eq(organizations.id, locations.orgId))
    .where(and(eq(locations.tenantId, actor.viewer.tenant.id), equalsAnyOf(locations.orgId, chainOf(orgPath))))
    .orderBy(asc(locations.name), asc(locations.id));
  const ownId = chainOf(orgPath).at(-1);
  return rows.map((r) => ({ id: r.id, name: r.name, inherited: r.orgId !== ownId, orgName: orgNameFor(actor, { path: r.orgPath, name: r.orgName }) }));
}

/**
 * A location usable in the org with `orgPath`, held FOR SHARE so that a concurrent delete waits
 * for the assignment (and then counts it) or wins first (then it is not found). Null: not usable there.
 */
export async function lockUsableLocation(db: Executor, tenantId: string, orgPath: string, locationId: string) {
  const [row] = await db
    .select({ id: locations.id, name: locations.name, orgId: locations.orgId, orgPath: organizations.path })
    .from(locations)
    .innerJoin(organizations, eq(organizations.id, locations.orgId))
    .where(and(eq(locations.id, locationId), eq(locations.tenantId, tenantId), equalsAnyOf(locations.orgId, chainOf(orgPath))))
    .for("share", { of: locations });
  return row ?? null;
}

/** Holds the given locations of the tenant FOR SHARE, in id order (see runOnUsers' `prepare`). */
export async function shareLocations(db: Executor, tenantId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .select({ id: locations.id })
    .from(locations)
    .where(and(eq(locations.tenantId, tenantId), equalsAnyOf(locations.id, [...new Set(ids)])))
    .orderBy(asc(locations.id))
    .for("share");
}

/**
 * The users at a location, locked for update in id order, after the location itself was locked:
 * an assignment that committed meanwhile is then seen by the next statement, whose recomputed
 * names would otherwise come from a snapshot taken before it (READ COMMITTED).
 */
export async function lockPeopleAt(db: Executor, locationId: string): Promise<string[]> {
  const rows = await db.execute<{ id: string }>(sql`
    SELECT u.id FROM users u WHERE u.id IN (SELECT ul.user_id FROM user_locations ul WHERE ul.location_id = ${locationId}) ORDER BY u.id FOR UPDATE OF u`);
  return rows.rows.map((r) => r.id);
}

/** Users' denormalised first location name (the users table's Location column and sort), recomputed from user_locations. */
export async function refreshLocationNames(db: Executor, userIds: readonly string[]): Promise<void> {
  if (userIds.length === 0) return;
  await db.execute(sql`
    UPDATE users u SET location_name = (
      SELECT l.name FROM user_locations ul JOIN locations l ON l.id = ul.location_id WHERE ul.user_id = u.id ORDER BY l.name LIMIT 1)
    WHERE u.id IN (SELECT unnest(${sql.param([...userIds])}::uuid[]))`);
}
