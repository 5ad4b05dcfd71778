import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db, Tx } from "@/db/client";
import { locations, organizations } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write";
import { auditBy, type Actor } from "@/lib/commands/actor";
import { assertAllowed } from "@/lib/commands/authorize";
import { inTransaction, pgCode, pgConstraint } from "@/lib/commands/transaction";
import { DomainError, notFound } from "@/lib/errors";
import { orgTarget } from "@/lib/orgs/target";
import type { createLocationSchema, editLocationSchema } from "../schemas";
import { chainOf, lockPeopleAt, refreshLocationNames } from "../usable";

// Create and edit: locations.manage in the location's own org. A location inherited from an org
// above is usable here but edited only there (product.md §1, the inheritance rule).

const nameTaken = (actor: Actor, name: string) =>
  new DomainError("CONFLICT", `${actor.org.name} already has a location named “${name}”.`, { field: "name", refusal: "LOCATION_NAME_TAKEN" });

/** The unique index on (org, lower(name)) decides between two admins adding the same name at once. */
function clash(actor: Actor, name: string) {
  return (error: unknown): never => {
    if (pgCode(error) === "23505" && pgConstraint(error) === "locations_org_name_uq") throw nameTaken(actor, name);
    throw error;
  };
}

/**
 * A location of the org shown, locked for update; an inherited one (usable here, owned above) is
 * refused without naming its org, anything else is "not found".
 */
export async function ownLocation(tx: Tx, actor: Actor, locationId: string) {
  const [row] = await tx
    .select({ location: locations })
    .from(locations)
    .innerJoin(organizations, eq(organizations.id, locations.orgId))
    .where(and(eq(locations.id, locationId), eq(locations.tenantId, actor.viewer.tenant.id), sql`${locations.orgId} = ANY(${sql.param(chainOf(actor.org.path))}::uuid[])`))
    .for("update", { of: locations });
  if (!row) throw notFound();
  if (row.location.orgId !== actor.org.id) {
    throw new DomainError("FORBIDDEN", "This location belongs to an organization above this one; it can only be changed there.", { refusal: "INHERITED_LOCATION" });
  }
  return row.location;
}

const pin = (l: { latitude: number | null; longitude: number | null }) => (l.latitude === null || l.longitude === null ? null : `${l.latitude}, ${l.longitude}`);

export async function createLocation(db: Db, actor: Actor, input: z.output<typeof createLocationSchema>): Promise<{ locationId: string }> {
  assertAllowed(actor.policy, "locations.manage", orgTarget(actor));
  const tenantId = actor.viewer.tenant.id;
  return inTransaction(db, async (tx) => {
    const [row] = await tx
      .insert(locations)
      .values({ tenantId, orgId: actor.org.id, name: input.name, address: input.address, latitude: input.latitude, longitude: input.longitude })
      .returning({ id: locations.id })
      .catch(clash(actor, input.name));
    await writeAudit(tx, {
      ...auditBy(actor),
      action: "location_created",
      targetType: "location",
      targetId: row!.id,
      targetLabel: input.name,
      after: { name: input.name, address: input.address, pin: pin(input) },
    });
    return { locationId: row!.id };
  });
}

/** Name, address and pin; a rename rewrites the Location column of everyone at the location. */
export async function editLocation(db: Db, actor: Actor, input: z.output<typeof editLocationSchema>): Promise<void> {
  assertAllowed(actor.policy, "locations.manage", orgTarget(actor));
  await inTransaction(db, async (tx) => {
    const before = await ownLocation(tx, actor, input.locationId);
    await tx
      .update(locations)
      .set({ name: input.name, address: input.address, latitude: input.latitude, longitude: input.longitude })
      .where(eq(locations.id, before.id))
      .catch(clash(actor, input.name));
    if (before.name !== input.name) {
      await refreshLocationNames(tx, await lockPeopleAt(tx, before.id));
    }
    await writeAudit(tx, {
      ...auditBy(actor),
      action: "location_updated",
      targetType: "location",
      targetId: before.id,
      targetLabel: input.name,
      before: { name: before.name, address: before.address, pin: pin(before) },
      after: { name: input.name, address: input.address, pin: pin(input) },
    });
  });
}
