import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import type { Actor } from "@/lib/commands/actor";
import { DomainError } from "@/lib/errors";
import { pathAtOrBelow } from "@/lib/orgs/subtree-sql";
import { devicesInSight, may, mayViewLocations } from "@/lib/policy";
import { escapeLike } from "@/lib/sql/like";
import { COUNT_CAP } from "@/lib/table/paging";
import type { LocationSortKey } from "./sort";
import { chainOf, orgNameFor } from "./usable";

/** A location as the list and the profile show it. */
export type LocationFields = {
  id: string;
  name: string;
  address: string;
  latitude: number | null;
  longitude: number | null;
  /** Owned by an org above the one shown: usable here, edited only there. */
  inherited: boolean;
  /** The owning org's name when the viewer may know it; else null ("Inherited"). */
  orgName: string | null;
};

/** A row of `locations l JOIN organizations o` read as l.*, o.path AS org_path, o.name AS org_name. */
export function toLocationFields(actor: Actor, r: Record<string, unknown>): LocationFields {
  return {
    id: String(r.id),
    name: String(r.name),
    address: String(r.address ?? ""),
    latitude: r.latitude === null ? null : Number(r.latitude),
    longitude: r.longitude === null ? null : Number(r.longitude),
    inherited: r.org_id !== actor.org.id,
    orgName: orgNameFor(actor, { path: String(r.org_path), name: String(r.org_name) }),
  };
}

export type LocationRow = LocationFields & {
  /** Devices and people at the location within the viewer's view, counted up to one past COUNT_CAP; null when the viewer sees none of them. */
  devices: number | null;
  people: number | null;
};

export type LocationPage = { rows: LocationRow[]; total: number; page: number; pages: number };

/** Anyone who sees people or devices here sees locations (lib/policy mayViewLocations). */
export function assertMayViewLocations(actor: Actor): void {
  if (!mayViewLocations(actor.policy)) throw new DomainError("FORBIDDEN", "You need the \"View users\" or a device permission to see locations", { refusal: "MISSING_PERMISSION" });
}

/** A count that stops one past COUNT_CAP (performance.md, "capped count"): more reads as "10,000+". */
const capped = (rows: SQL) => sql`(SELECT count(*)::int FROM (${rows} LIMIT ${COUNT_CAP + 1}) c)`;

/**
 * How many devices and people at location `l` the viewer sees: inside the org shown and below
 * it, devices only as far as their device permission goes. Null where they see none.
 */
export function atLocationCounts(actor: Actor, l: SQL): { devices: SQL; people: SQL } {
  const tenantId = actor.viewer.tenant.id;
  const view = devicesInSight(actor.policy);
  const subtree = sql`(SELECT so.id FROM organizations so WHERE so.tenant_id = ${tenantId} AND ${pathAtOrBelow(sql`so.path`, actor.org.path)})`;
  const devices = view
    ? capped(sql`SELECT 1 FROM devices d WHERE d.location_id = ${l} AND d.tenant_id = ${tenantId} AND d.org_id IN ${subtree}${view === "own" ? sql` AND d.owner_id = ${actor.viewer.userId}` : sql``}`)
    : sql`NULL::int`;
  const people = may(actor.policy, "users.view")
    ? capped(sql`SELECT 1 FROM user_locations ul JOIN users u ON u.id = ul.user_id WHERE ul.location_id = ${l} AND u.tenant_id = ${tenantId} AND u.org_id IN ${subtree}`)
    : sql`NULL::int`;
  return { devices, people };
}

const SORTS: Record<LocationSortKey, SQL> = {
  name: sql`lower(l.name)`,
  address: sql`lower(l.address)`,
  devices: sql`coalesce(devices, 0)`,
  people: sql`coalesce(people, 0)`,
};

/** The locations usable in the org shown (its own and its ancestors'), searched, sorted and paged in SQL. */
export async function listLocations(db: Executor, actor: Actor, request: { q: string; sort: LocationSortKey; dir: "asc" | "desc"; page: number; size: number }): Promise<LocationPage> {
  assertMayViewLocations(actor);
  const tenantId = actor.viewer.tenant.id;
  const chain = chainOf(actor.org.path);
  const like = `%${escapeLike(request.q)}%`;
  const where = sql`l.tenant_id = ${tenantId} AND l.org_id = ANY(${sql.param(chain)}::uuid[])${request.q ? sql` AND (l.name ILIKE ${like} OR l.address ILIKE ${like})` : sql``}`;
  const [counted] = (await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM locations l WHERE ${where}`)).rows;
  const total = Number(counted?.n ?? 0);
  const pages = Math.max(1, Math.ceil(total / request.size));
  const page = Math.min(Math.max(1, request.page), pages);
  const order = request.dir === "asc" ? sql`ASC` : sql`DESC`;
  const counts = atLocationCounts(actor, sql`l.id`);
  const result = await db.execute<Record<string, unknown>>(sql`
    SELECT * FROM (
      SELECT l.id, l.name, l.address, l.latitude, l.longitude, l.org_id, o.path AS org_path, o.name AS org_name, ${counts.devices} AS devices, ${counts.people} AS people
      FROM locations l JOIN organizations o ON o.id = l.org_id WHERE ${where}) l
    ORDER BY ${SORTS[request.sort]} ${order}, lower(l.name) ${order}, l.id ${order}
    LIMIT ${request.size} OFFSET ${(page - 1) * request.size}`);
  return {
    total,
    page,
    pages,
    rows: result.rows.map((r) => ({
      ...toLocationFields(actor, r),
      devices: r.devices === null ? null : Number(r.devices),
      people: r.people === null ? null : Number(r.people),
    })),
  };
}
