import "server-only";
import type { z } from "zod";
import { and, eq, sql } from "drizzle-orm";
import type { Db, Executor } from "@/db/client";
import { devices, organizations, userLocations, users } from "@/db/schema";
import type { Actor } from "@/lib/commands/actor";
import { DomainError, notFound } from "@/lib/errors";
import { enqueueEmail } from "@/lib/mail/outbox";
import { arrivalEmail, transferredEmail } from "@/lib/mail/templates";
import { isAdminRole, ROLE_LABELS, isBuiltinRole } from "@/lib/policy";
import { transferUserSchema } from "../schemas";
import { roleExists } from "../roles";
import { orgInView } from "@/lib/orgs/target";
import { assertMayActOnUsers, runOnUsers, single } from "./run-on-users";
import { endSessions } from "./sessions";
import { isActiveAdmin } from "../active";

/** The destination org, named directly or through the email of one of its Admins. */
async function destinationOrg(db: Executor, actor: Actor, destination: { orgId: string } | { adminEmail: string }): Promise<string> {
  if ("orgId" in destination) return destination.orgId;
  const [admin] = await db
    .select({ orgId: users.orgId })
    .from(users)
    .where(and(eq(users.tenantId, actor.viewer.tenant.id), sql`lower(${users.email}) = ${destination.adminEmail}`, eq(users.role, "admin")))
    .limit(1);
  if (!admin) throw noAdminThere();
  return admin.orgId;
}

const noAdminThere = () => new DomainError("NOT_FOUND", "No Admin with that email in your organizations.", { field: "destination.adminEmail", refusal: "NO_SUCH_ADMIN" });

/**
 * Moves a user to another org of the tenant in the actor's reach, with a role there and, by
 * default, the devices they own. Their sessions end; they and the destination's Admins are told.
 */
export async function transferUser(db: Db, actor: Actor, input: z.output<typeof transferUserSchema>): Promise<void> {
  // Before the destination is looked up: its answer must not reach someone who may not transfer.
  assertMayActOnUsers(actor, "users.transfer");
  const tenantId = actor.viewer.tenant.id;
  await roleExists(db, tenantId, input.role);
  const destId = await destinationOrg(db, actor, input.destination);
  const dest = await orgInView(db, actor, destId).catch((error: unknown) => {
    // An Admin out of the viewer's reach reads exactly like an unknown email (security.md A2);
    // anything else (a busy pool, say) keeps its own meaning.
    if (!(error instanceof DomainError && error.code === "NOT_FOUND")) throw error;
    throw "adminEmail" in input.destination ? noAdminThere() : notFound();
  });
  const roleLabel = isBuiltinRole(input.role) ? ROLE_LABELS[input.role] : input.role;
  single(
    await runOnUsers(db, actor, { userIds: [input.userId] }, {
      action: "users.transfer",
      ctx: () => ({ destination: dest.ref, role: input.role }),
      removesAdmin: (user) => isAdminRole(user.role),
      apply: async (tx, [user]) => {
        const u = user!;
        // Hold the destination so it cannot be deleted under the move (see orgInView).
        await orgInView(tx, actor, dest.id, { share: true });
        await tx
          .update(users)
          .set({ orgId: dest.id, role: input.role, developerMode: isAdminRole(input.role) ? users.developerMode : sql`false`, locationName: null })
          .where(eq(users.id, u.id));
        await tx.delete(userLocations).where(eq(userLocations.userId, u.id));
        if (input.moveDevices) await tx.update(devices).set({ orgId: dest.id, locationId: null }).where(eq(devices.ownerId, u.id));
        await endSessions(tx, [u.id]);
        await enqueueEmail(tx, tenantId, transferredEmail({ to: u.email, name: u.name, orgName: dest.name, roleLabel }));
        const admins = await tx
          .select({ email: users.email, name: users.name })
          .from(users)
          .innerJoin(organizations, eq(organizations.id, users.orgId))
          .where(and(eq(users.orgId, dest.id), isActiveAdmin()));
        for (const admin of admins.filter((a) => a.email !== u.email)) {
          await enqueueEmail(tx, tenantId, arrivalEmail({ to: admin.email, adminName: admin.name, userName: u.name, userEmail: u.email, orgName: dest.name }));
        }
      },
      audit: (user) => ({
        action: "user_transferred",
        before: { org: user.org.name, role: user.role },
        after: { org: dest.name, role: input.role, movedDevices: input.moveDevices },
      }),
    }),
  );
}
