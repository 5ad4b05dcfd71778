import "server-only";
import type { z } from "zod";
import { assertAllowed } from "@/lib/commands/authorize";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { devices, users } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write";
import { auditBy, type Actor } from "@/lib/commands/actor";
import { inTransaction } from "@/lib/commands/transaction";
import { DomainError } from "@/lib/errors";
import { lockUsableLocation } from "@/lib/locations/usable";
import { orgTarget } from "@/lib/orgs/target";

import { createDeviceSchema } from "../schemas";

/** Adds a device to the current org (org_devices.create), optionally owned by one of its members and at a location usable there. */
export async function createDevice(db: Db, actor: Actor, input: z.output<typeof createDeviceSchema>): Promise<{ deviceId: string }> {
  assertAllowed(actor.policy, "devices.create", orgTarget(actor));
  const tenantId = actor.viewer.tenant.id;
  return inTransaction(db, async (tx) => {
    let ownerName: string | null = null;
    if (input.ownerId) {
      const [owner] = await tx
        .select({ id: users.id, name: users.name })
        .from(users)
        .where(and(eq(users.id, input.ownerId), eq(users.tenantId, tenantId), eq(users.orgId, actor.org.id)));
      if (!owner) throw new DomainError("INVALID", `Choose an owner from ${actor.org.name}.`, { field: "ownerId", refusal: "OWNER_OUTSIDE_ORG" });
      ownerName = owner.name;
    }
    const location = input.locationId ? await lockUsableLocation(tx, tenantId, actor.org.path, input.locationId) : null;
    if (input.locationId && !location) throw new DomainError("INVALID", `Choose a location of ${actor.org.name}.`, { field: "locationId", refusal: "LOCATION_OUTSIDE_ORG" });
    const [device] = await tx
      .insert(devices)
      .values({ tenantId, orgId: actor.org.id, name: input.name, model: input.model, ownerId: input.ownerId ?? null, locationId: location?.id ?? null })
      .returning({ id: devices.id });
    await writeAudit(tx, {
      ...auditBy(actor),
      action: "device_created",
      targetType: "device",
      targetId: device!.id,
      targetLabel: input.name,
      after: { name: input.name, model: input.model, ownerId: input.ownerId ?? null, owner: ownerName, ...(location ? { location: location.name } : {}) },
    });
    return { deviceId: device!.id };
  });
}
