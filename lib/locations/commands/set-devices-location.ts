import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db, Tx } from "@/db/client";
import { devices, locations, organizations } from "@/db/schema";
import { writeAuditMany, type AuditEntry } from "@/lib/audit/write";
import { auditBy, type Actor } from "@/lib/commands/actor";
import type { BulkResult, Skipped } from "@/lib/commands/bulk";
import { inTransaction } from "@/lib/commands/transaction";
import { DomainError, fromPolicy, NOT_FOUND_MESSAGE, notFound } from "@/lib/errors";
import { pathAtOrBelow } from "@/lib/orgs/subtree-sql";
import { authorize, devicesInSight, holdsPermission } from "@/lib/policy";
import { isAnyOf } from "@/lib/sql/any-of";
import type { setDevicesLocationSchema } from "../schemas";
import { chainOf, usableIn } from "../usable";

/**
 * Sets (or clears) the location of 1..N devices in the viewer's view. The location must be one
 * the viewer can see here — usable in the org shown, or owned by an org in view below it — and
 * usable in each device's own org; a device it does not fit is reported, not changed.
 */
export async function setDevicesLocation(db: Db, actor: Actor, input: z.output<typeof setDevicesLocationSchema>): Promise<BulkResult> {
  const view = devicesInSight(actor.policy);
  const held = holdsPermission(actor.policy, "locations.assign");
  // Refused once, before any device is looked up: no names of devices the viewer may not change (security.md A1).
  if (!view) throw new DomainError("FORBIDDEN", "You need a device permission to change devices", { refusal: "MISSING_PERMISSION" });
  if (!held.ok) throw fromPolicy(held);
  const tenantId = actor.viewer.tenant.id;
  return inTransaction(db, async (tx) => {
    let location: { id: string; name: string; orgPath: string } | null = null;
    if (input.locationId) {
      const [row] = await tx
        .select({ id: locations.id, name: locations.name, orgPath: organizations.path })
        .from(locations)
        .innerJoin(organizations, eq(organizations.id, locations.orgId))
        .where(
          and(
            eq(locations.id, input.locationId),
            eq(locations.tenantId, tenantId),
            sql`(${locations.orgId} = ANY(${sql.param(chainOf(actor.org.path))}::uuid[]) OR ${pathAtOrBelow(organizations.path, actor.org.path)})`,
          ),
        )
        .for("share", { of: locations });
      if (!row) throw notFound();
      location = row;
    }
    const found = await tx
      .select({ id: devices.id, name: devices.name, ownerId: devices.ownerId, locationId: devices.locationId, org: { id: organizations.id, tenantId: organizations.tenantId, path: organizations.path, depth: organizations.depth, name: organizations.name } })
      .from(devices)
      .innerJoin(organizations, eq(organizations.id, devices.orgId))
      .where(and(eq(devices.tenantId, tenantId), pathAtOrBelow(organizations.path, actor.org.path), isAnyOf(devices.id, input.deviceIds), view === "own" ? eq(devices.ownerId, actor.viewer.userId) : undefined))
      .orderBy(asc(devices.id))
      .for("update", { of: devices });
    const byId = new Map(found.map((d) => [d.id, d]));
    const unknown = (id: string): Skipped => ({ id, name: "Unknown device", reason: NOT_FOUND_MESSAGE, code: "NOT_FOUND", refusal: "NOT_FOUND" });
    const skipped: Skipped[] = input.deviceIds.filter((id) => !byId.has(id)).map(unknown);
    const allowed: typeof found = [];
    for (const d of found) {
      const decision = authorize(actor.policy, "locations.assign", { kind: "device", id: d.id, tenantId, org: d.org, ownerId: d.ownerId });
      if (!decision.ok) skipped.push(decision.code === "NOT_FOUND" ? unknown(d.id) : { id: d.id, name: d.name, reason: decision.reason, code: decision.code, refusal: decision.refusal });
      else if (location && !usableIn(location.orgPath, d.org.path)) skipped.push({ id: d.id, name: d.name, reason: `${location.name} is not a location of ${d.org.name}`, code: "CONFLICT", refusal: "LOCATION_OUTSIDE_ORG" });
      else if (d.locationId === (location?.id ?? null)) skipped.push({ id: d.id, name: d.name, reason: location ? `Already at ${location.name}` : "Has no location already", code: "CONFLICT", refusal: "ALREADY_AT_LOCATION" });
      else allowed.push(d);
    }
    if (allowed.length) await tx.update(devices).set({ locationId: location?.id ?? null }).where(isAnyOf(devices.id, allowed.map((d) => d.id)));
    const by = auditBy(actor);
    const names = new Map(await previousNames(tx, allowed.map((d) => d.locationId)));
    await writeAuditMany(
      tx,
      allowed.map((d): AuditEntry => ({ ...by, orgId: d.org.id, action: "device_location_set", targetType: "device", targetId: d.id, targetLabel: d.name, before: { location: d.locationId ? (names.get(d.locationId) ?? null) : null }, after: { location: location?.name ?? null } })),
    );
    return { done: allowed.map((d) => d.id), skipped };
  });
}

/** The names of the locations devices had before, for the audit's "from … to …". */
async function previousNames(tx: Tx, ids: (string | null)[]): Promise<[string, string][]> {
  const list = [...new Set(ids.filter((id): id is string => id !== null))];
  if (list.length === 0) return [];
  const rows = await tx.select({ id: locations.id, name: locations.name }).from(locations).where(isAnyOf(locations.id, list));
  return rows.map((r) => [r.id, r.name]);
}
