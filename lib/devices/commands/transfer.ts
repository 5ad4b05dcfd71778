import "server-only";
import type { z } from "zod";
import { assertAllowed } from "@/lib/commands/authorize";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { devices, organizations, users } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write";
import { auditBy, type Actor } from "@/lib/commands/actor";
import { inTransaction } from "@/lib/commands/transaction";
import { notFound } from "@/lib/errors";
import { type NewOwnerRef, type OrgRef } from "@/lib/policy";
import { orgInView } from "@/lib/orgs/target";
import { transferDeviceSchema } from "../schemas";
import { deviceInView } from "../target";

const refOf = (o: OrgRef): OrgRef => ({ id: o.id, tenantId: o.tenantId, path: o.path, depth: o.depth, name: o.name });

/**
 * Changes a device's owner (someone of its org who has logged in at least once), moves it to a
 * sub-org in reach with a new owner there, or clears its owner (product.md §5).
 */
export async function transferDevice(db: Db, actor: Actor, input: z.output<typeof transferDeviceSchema>): Promise<void> {
  const tenantId = actor.viewer.tenant.id;
  await inTransaction(db, async (tx) => {
    const { device, org, target } = await deviceInView(tx, actor, input.deviceId);
    const destination = input.destinationOrgId ? (await orgInView(tx, actor, input.destinationOrgId, { share: true })).ref : org;

    let newOwner: NewOwnerRef | null = null;
    let ownerName: string | null = null;
    if (input.newOwnerId) {
      const [owner] = await tx
        .select({ id: users.id, name: users.name, lastLoginAt: users.lastLoginAt, org: organizations })
        .from(users)
        .innerJoin(organizations, eq(organizations.id, users.orgId))
        .where(and(eq(users.id, input.newOwnerId), eq(users.tenantId, tenantId)))
        .limit(1);
      if (!owner) throw notFound();
      newOwner = { id: owner.id, org: refOf(owner.org), hasLoggedIn: owner.lastLoginAt !== null };
      ownerName = owner.name;
    }
    assertAllowed(actor.policy, "devices.transfer", target, { destination, newOwner });
    const [previous] = device.ownerId ? await tx.select({ name: users.name }).from(users).where(and(eq(users.tenantId, tenantId), eq(users.id, device.ownerId))) : [];
    const previousOwner = previous?.name ?? null;
    const moved = destination.id !== org.id;
    await tx
      .update(devices)
      .set({ ownerId: newOwner?.id ?? null, orgId: destination.id, ...(moved ? { locationId: null } : {}) })
      .where(eq(devices.id, device.id));
    await writeAudit(tx, {
      ...auditBy(actor),
      orgId: destination.id,
      action: "device_transferred",
      targetType: "device",
      targetId: device.id,
      targetLabel: device.name,
      // Owners by name for the log's reader (lib/audit/describe.ts), by id for scripts.
      before: { org: org.name, ownerId: device.ownerId, owner: previousOwner },
      after: { org: destination.name, ownerId: newOwner?.id ?? null, owner: ownerName },
    });
  });
}
