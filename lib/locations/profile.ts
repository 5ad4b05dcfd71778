import "server-only";
import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import type { Actor } from "@/lib/commands/actor";
import { notFound } from "@/lib/errors";
import { pathAtOrBelow } from "@/lib/orgs/subtree-sql";
import { devicesInSight, may } from "@/lib/policy";
import { isUuid } from "@/lib/sql/uuid";
import { assertMayViewLocations, atLocationCounts, toLocationFields, type LocationFields } from "./list";
import { chainOf } from "./usable";

/** How many devices and people a profile lists; the counts say how many more there are. */
export const PROFILE_LIMIT = 200;

export type LocationProfile = LocationFields & {
  createdAt: Date;
  /** Null when the viewer sees no devices (or no people) here; totals are counted up to one past COUNT_CAP. */
  devices: { total: number; rows: { id: string; name: string; model: string; orgName: string; ownerId: string | null; ownerName: string | null }[] } | null;
  people: { total: number; rows: { id: string; name: string; email: string; orgId: string; orgName: string }[] } | null;
};

/**
 * A location usable in the org shown, with its devices and people inside the viewer's view
 * (the org shown and below it). Any other id — another tenant's, a sibling's, a sub-org's — is
 * "not found", like an unknown one.
 */
export async function locationProfile(db: Executor, actor: Actor, locationId: string): Promise<LocationProfile> {
  assertMayViewLocations(actor);
  if (!isUuid(locationId)) throw notFound();
  const tenantId = actor.viewer.tenant.id;
  const [loc] = (
    await db.execute<Record<string, unknown>>(sql`
      SELECT l.id, l.name, l.address, l.latitude, l.longitude, l.created_at, l.org_id, o.path AS org_path, o.name AS org_name
      FROM locations l JOIN organizations o ON o.id = l.org_id
      WHERE l.id = ${locationId} AND l.tenant_id = ${tenantId} AND l.org_id = ANY(${sql.param(chainOf(actor.org.path))}::uuid[])`)
  ).rows;
  if (!loc) throw notFound();
  const subtree = sql`(SELECT so.id FROM organizations so WHERE so.tenant_id = ${tenantId} AND ${pathAtOrBelow(sql`so.path`, actor.org.path)})`;
  const view = devicesInSight(actor.policy);
  const [devices, people] = await Promise.all([
    view
      ? db.execute<Record<string, unknown>>(sql`
          SELECT d.id, d.name, d.model, o.name AS org_name, d.owner_id, u.name AS owner_name
          FROM devices d JOIN organizations o ON o.id = d.org_id LEFT JOIN users u ON u.id = d.owner_id
          WHERE d.location_id = ${locationId} AND d.tenant_id = ${tenantId} AND d.org_id IN ${subtree}${view === "own" ? sql` AND d.owner_id = ${actor.viewer.userId}` : sql``}
          ORDER BY d.name, d.id LIMIT ${PROFILE_LIMIT}`)
      : null,
    may(actor.policy, "users.view")
      ? db.execute<Record<string, unknown>>(sql`
          SELECT u.id, u.name, u.email, u.org_id, u.org_name
          FROM user_locations ul JOIN users u ON u.id = ul.user_id
          WHERE ul.location_id = ${locationId} AND u.tenant_id = ${tenantId} AND u.org_id IN ${subtree}
          ORDER BY u.name, u.id LIMIT ${PROFILE_LIMIT}`)
      : null,
  ]);
  // The lists stop at PROFILE_LIMIT; the counts (capped like the list's) say how many there are.
  const counts = await db.execute<{ devices: number | null; people: number | null }>(sql`SELECT ${atLocationCounts(actor, sql`${locationId}::uuid`).devices} AS devices, ${atLocationCounts(actor, sql`${locationId}::uuid`).people} AS people`);
  const [n] = counts.rows;
  return {
    ...toLocationFields(actor, loc),
    createdAt: loc.created_at instanceof Date ? loc.created_at : new Date(String(loc.created_at)),
    devices: devices && {
      total: Number(n?.devices ?? 0),
      rows: devices.rows.map((r) => ({ id: String(r.id), name: String(r.name), model: String(r.model ?? ""), orgName: String(r.org_name), ownerId: (r.owner_id as string | null) ?? null, ownerName: (r.owner_name as string | null) ?? null })),
    },
    people: people && {
      total: Number(n?.people ?? 0),
      rows: people.rows.map((r) => ({ id: String(r.id), name: String(r.name), email: String(r.email), orgId: String(r.org_id), orgName: String(r.org_name) })),
    },
  };
}
