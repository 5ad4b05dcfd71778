import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { devices, locations, organizations, users } from "@/db/schema";
import type { Actor } from "@/lib/commands/actor";
import { pathAtOrBelow } from "@/lib/orgs/subtree-sql";
import { devicesInSight, may } from "@/lib/policy";
import { escapeLike } from "@/lib/sql/like";
import { COUNT_CAP } from "@/lib/table/paging";
import type { TagRef } from "@/lib/tags/target";
import type { DeviceSortKey } from "./sort";

export type { DeviceSortKey } from "./sort";

type DeviceView = NonNullable<ReturnType<typeof devicesInSight>>;
export type DeviceRow = { id: string; name: string; model: string; orgId: string; orgName: string; ownerId: string | null; ownerName: string | null; location: string | null; tags: TagRef[]; createdAt: Date };
export type DevicePage = { view: DeviceView; rows: DeviceRow[]; total: number; capped: boolean; page: number; pages: number };

const SORTS: Record<DeviceSortKey, SQL> = {
  name: sql`d.name`,
  owner: sql`coalesce(u.name, '')`,
  org: sql`o.name`,
  location: sql`coalesce(l.name, '')`,
  created: sql`d.created_at`,
};

export type DeviceFilters = {
  scope: "org" | "reach";
  q: string;
  noOwner?: boolean;
  /** Devices at any of these locations. */
  locations?: readonly string[];
  /** Devices carrying any of these tags. */
  tags?: readonly string[];
};

/** The devices the viewer sees (`view`) that match the filters: the WHERE of the list and its counts. */
function deviceListWhere(actor: Actor, view: DeviceView, filters: DeviceFilters): SQL {
  const reach = view === "org" && filters.scope === "reach" && may(actor.policy, "orgs.switch");
  return sql.join(
    [
      sql`d.tenant_id = ${actor.viewer.tenant.id}`,
      reach ? pathAtOrBelow(sql`o.path`, actor.org.path) : sql`d.org_id = ${actor.org.id}`,
      view === "own" ? sql`d.owner_id = ${actor.viewer.userId}` : sql`TRUE`,
      filters.q ? sql`(d.name ILIKE ${`%${escapeLike(filters.q)}%`} OR d.model ILIKE ${`%${escapeLike(filters.q)}%`})` : sql`TRUE`,
      filters.noOwner ? sql`d.owner_id IS NULL` : sql`TRUE`,
      filters.locations?.length ? sql`d.location_id = ANY(${sql.param([...filters.locations])}::uuid[])` : sql`TRUE`,
      // Devices carrying any of the tags, by the device_tags primary key.
      filters.tags?.length ? sql`EXISTS (SELECT 1 FROM device_tags dt WHERE dt.device_id = d.id AND dt.tag_id = ANY(${sql.param([...filters.tags])}::uuid[]))` : sql`TRUE`,
    ],
    sql` AND `,
  );
}

const FROM = sql`${devices} d JOIN ${organizations} o ON o.id = d.org_id LEFT JOIN ${users} u ON u.id = d.owner_id LEFT JOIN ${locations} l ON l.id = d.location_id`;

async function cappedCount(db: Db, where: SQL): Promise<number> {
  return (await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM ${FROM} WHERE ${where} LIMIT ${COUNT_CAP + 1}) c`)).rows[0]?.n ?? 0;
}

/** How many devices the list would show for these filters (the same capped count), or null when the viewer sees none. */
export async function countDevices(db: Db, actor: Actor, filters: DeviceFilters): Promise<{ total: number; capped: boolean } | null> {
  const view = devicesInSight(actor.policy);
  if (!view) return null;
  const n = await cappedCount(db, deviceListWhere(actor, view, filters));
  return { total: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP };
}

/**
 * One page of devices, sorted and filtered in SQL. Fleets per org are small next to users, so
 * pages are numbered (OFFSET) under the same capped count the users table uses.
 */
export async function listDevices(db: Db, actor: Actor, request: DeviceFilters & { sort: DeviceSortKey; dir: "asc" | "desc"; page: number; size: number }): Promise<DevicePage | null> {
  // Every device of the org with org_devices.view, else one's own with own_devices.view, else nothing.
  const view = devicesInSight(actor.policy);
  if (!view) return null;
  const where = deviceListWhere(actor, view, request);
  const n = await cappedCount(db, where);
  const pages = Math.max(1, Math.ceil(Math.min(n, COUNT_CAP) / request.size));
  const page = Math.min(Math.max(1, request.page), pages);
  const order = request.dir === "asc" ? sql`ASC` : sql`DESC`;
  const result = await db.execute<Record<string, unknown>>(sql`
    SELECT d.id, d.name, d.model, d.org_id, o.name AS org_name, d.owner_id, u.name AS owner_name, l.name AS location, d.created_at,
      (SELECT coalesce(json_agg(json_build_object('id', t.id, 'name', t.name, 'color', t.color) ORDER BY lower(t.name), t.id), '[]') FROM device_tags dt JOIN tags t ON t.id = dt.tag_id WHERE dt.device_id = d.id) AS tags
    FROM ${FROM} WHERE ${where}
    ORDER BY ${SORTS[request.sort]} ${order}, d.id ${order}
    LIMIT ${request.size} OFFSET ${(page - 1) * request.size}`);
  return {
    view,
    total: Math.min(n, COUNT_CAP),
    capped: n > COUNT_CAP,
    page,
    pages,
    rows: result.rows.map((r) => ({
      id: String(r.id),
      name: String(r.name),
      model: String(r.model ?? ""),
      orgId: String(r.org_id),
      orgName: String(r.org_name),
      ownerId: (r.owner_id as string | null) ?? null,
      ownerName: (r.owner_name as string | null) ?? null,
      location: (r.location as string | null) ?? null,
      tags: (typeof r.tags === "string" ? JSON.parse(r.tags) : r.tags) as TagRef[],
      createdAt: r.created_at instanceof Date ? r.created_at : new Date(String(r.created_at)),
    })),
  };
}
