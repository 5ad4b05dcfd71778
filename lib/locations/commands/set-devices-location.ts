import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db, Tx } from "@/db/client";
import { devices, locations, organizations } from "@/db/schema";
import type { Actor } from "@/lib/commands/actor";
import type { BulkResult, Skipped } from "@/lib/commands/bulk";
import { runOnDevices } from "@/lib/devices/commands/run-on-devices";
import { notFound } from "@/lib/errors";
import { pathAtOrBelow } from "@/lib/orgs/subtree-sql";
import { isAnyOf } from "@/lib/sql/any-of";
import type { setDevicesLocationSchema } from "../schemas";
import { chainOf, usableIn } from "../usable";

/**
 * Sets (or clears) the location of 1..N devices in the viewer's view. The location must be one
 * the viewer can see here — usable in the org shown, or owned by an org in view below it — and
 * usable in each device's own org; a device it does not fit is reported, not changed.
 */
export async function setDevicesLocation(db: Db, actor: Actor, input: z.output<typeof setDevicesLocationSchema>): Promise<BulkResult> {
  const tenantId = actor.viewer.tenant.id;
  let location = null as { id: string; name: string; orgPath: string } | null;
  let previous = new Map<string, string>();
  return runOnDevices(db, actor, input.deviceIds, {
    action: "locations.assign",
    // The location before the devices, in the order a delete of it locks them.
    prepare: async (tx) => {
      if (!input.locationId) return;
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
    },
    refuse: async (tx, list) => {
      const refused = new Map<string, Pick<Skipped, "code" | "refusal" | "reason">>();
      const at = location;
      for (const { device, org } of list) {
        if (at && !usableIn(at.orgPath, org.path)) refused.set(device.id, { reason: `${at.name} is not a location of ${org.name}`, code: "CONFLICT", refusal: "LOCATION_OUTSIDE_ORG" });
        else if (device.locationId === (at?.id ?? null)) refused.set(device.id, { reason: at ? `Already at ${at.name}` : "Has no location already", code: "CONFLICT", refusal: "ALREADY_AT_LOCATION" });
      }
      previous = new Map(await previousNames(tx, list.map((d) => d.device.locationId)));
      return refused;
    },
    apply: async (tx, list) => {
      await tx.update(devices).set({ locationId: input.locationId ?? null }).where(isAnyOf(devices.id, list.map((d) => d.device.id)));
    },
    audit: ({ device }) => ({
      action: "device_location_set",
      before: { location: device.locationId ? (previous.get(device.locationId) ?? null) : null },
      after: { location: location?.name ?? null },
    }),
  });
}

/** The names of the locations devices had before, for the audit's "from … to …". */
async function previousNames(tx: Tx, ids: (string | null)[]): Promise<[string, string][]> {
  const list = [...new Set(ids.filter((id): id is string => id !== null))];
  if (list.length === 0) return [];
  const rows = await tx.select({ id: locations.id, name: locations.name }).from(locations).where(isAnyOf(locations.id, list));
  return rows.map((r) => [r.id, r.name]);
}
