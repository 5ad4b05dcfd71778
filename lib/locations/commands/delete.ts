import "server-only";
import { eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { locations } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write";
import { auditBy, type Actor } from "@/lib/commands/actor";
import { assertAllowed } from "@/lib/commands/authorize";
import { inTransaction } from "@/lib/commands/transaction";
import { DomainError } from "@/lib/errors";
import { plural } from "@/lib/orgs/counts";
import { orgTarget } from "@/lib/orgs/target";
import type { deleteLocationSchema } from "../schemas";
import { lockPeopleAt, refreshLocationNames } from "../usable";
import { ownLocation } from "./manage";

/**
 * Deletes a location of the org shown. People and devices at it lose it (never deleted), which
 * needs the typed DELETE; the counts are read with the location locked, and assignments hold it
 * FOR SHARE, so none can slip in between the confirmation's count and the delete.
 */
export async function deleteLocation(db: Db, actor: Actor, input: z.output<typeof deleteLocationSchema>): Promise<{ people: number; devices: number }> {
  assertAllowed(actor.policy, "locations.manage", orgTarget(actor));
  return inTransaction(db, async (tx) => {
    const location = await ownLocation(tx, actor, input.locationId);
    const people = await lockPeopleAt(tx, location.id);
    const [d] = (await tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM devices WHERE location_id = ${location.id}`)).rows;
    const devices = Number(d?.n ?? 0);
    if ((people.length > 0 || devices > 0) && input.confirm !== "DELETE") {
      throw new DomainError("INVALID", `Type DELETE to confirm: ${plural(people.length, "person", "people")} and ${plural(devices, "device")} will lose this location.`, { field: "confirm", refusal: "CONFIRM_MISMATCH" });
    }
    // user_locations rows go by cascade, devices.location_id is set null by its foreign key.
    await tx.delete(locations).where(eq(locations.id, location.id));
    await refreshLocationNames(tx, people);
    await writeAudit(tx, {
      ...auditBy(actor),
      action: "location_deleted",
      targetType: "location",
      targetId: location.id,
      targetLabel: location.name,
      before: { name: location.name, address: location.address },
      after: { people: people.length, devices },
    });
    return { people: people.length, devices };
  });
}
