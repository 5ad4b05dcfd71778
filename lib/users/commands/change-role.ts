import "server-only";
import type { z } from "zod";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import type { Actor } from "@/lib/commands/actor";
import type { BulkResult } from "@/lib/commands/bulk";
import { isAdminRole } from "@/lib/policy";
import { isAnyOf } from "@/lib/sql/any-of";
import { changeRoleSchema } from "../schemas";
import { roleExists } from "../roles";
import { assertMayActOnUsers, runOnUsers } from "./run-on-users";

/**
 * Gives users a new role. Demoting the last Admin of an org is refused; demoting a developer
 * below Admin turns developer mode off. Rights change on the user's very next request, since
 * every request reloads the viewer from the database.
 */
export async function changeRoles(db: Db, actor: Actor, input: z.output<typeof changeRoleSchema>): Promise<BulkResult> {
  assertMayActOnUsers(actor, "users.change_role");
  await roleExists(db, actor.viewer.tenant.id, input.role);
  const toAdmin = isAdminRole(input.role);
  return runOnUsers(db, actor, input, {
    action: "users.change_role",
    ctx: () => ({ role: input.role }),
    removesAdmin: (user) => isAdminRole(user.role) && !toAdmin,
    apply: async (tx, list) => {
      await tx
        .update(users)
        .set({ role: input.role, developerMode: toAdmin ? users.developerMode : sql`false` })
        .where(isAnyOf(users.id, list.map((u) => u.id)));
    },
    audit: (user) => ({
      action: "user_role_changed",
      before: { role: user.role, developerMode: user.developerMode },
      after: { role: input.role, developerMode: toAdmin && user.developerMode },
    }),
  });
}
