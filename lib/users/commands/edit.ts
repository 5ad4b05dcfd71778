import "server-only";
import type { z } from "zod";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import type { Actor } from "@/lib/commands/actor";
import { isAdminRole } from "@/lib/policy";
import { editUserSchema } from "../schemas";
import { roleExists } from "../roles";
import { shareLocations } from "@/lib/locations/usable";
import { setUserLocations } from "./invite";
import { assertMayActOnUsers, runOnUsers, single } from "./run-on-users";

/** Name, phone, locations and role; the email is never editable. */
export async function editUser(db: Db, actor: Actor, input: z.output<typeof editUserSchema>): Promise<void> {
  assertMayActOnUsers(actor, "users.edit");
  await roleExists(db, actor.viewer.tenant.id, input.role);
  const toAdmin = isAdminRole(input.role);
  single(
    await runOnUsers(db, actor, { userIds: [input.userId] }, {
      action: "users.edit",
      // Held before the user, as a location's delete holds it before the people at it.
      prepare: (tx) => shareLocations(tx, actor.viewer.tenant.id, input.locationIds),
      ctx: () => ({ role: input.role }),
      removesAdmin: (user) => isAdminRole(user.role) && !toAdmin,
      apply: async (tx, [user]) => {
        const locationName = await setUserLocations(tx, user!.tenantId, user!.org.path, user!.id, input.locationIds);
        await tx
          .update(users)
          .set({
            name: input.name,
            phone: input.phone ?? null,
            role: input.role,
            developerMode: toAdmin ? users.developerMode : sql`false`,
            locationName,
          })
          .where(eq(users.id, user!.id));
      },
      audit: (user) => ({
        action: "user_updated",
        before: { name: user.name, phone: user.phone, role: user.role },
        after: { name: input.name, phone: input.phone ?? null, role: input.role, locations: input.locationIds.length },
      }),
    }),
  );
}
