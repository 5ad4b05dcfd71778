import "server-only";
import { inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { devices, users } from "@/db/schema";
import type { Actor } from "@/lib/commands/actor";
import type { BulkResult } from "@/lib/commands/bulk";
import { parseInput } from "@/lib/commands/parse";
import { deleteUsersSchema } from "../schemas";
import { selectedUserIds } from "../selection";
import { runOnUsers } from "./run-on-users";

/**
 * Deletes users. Their devices pass to the acting admin, or lose their owner if asked — never
 * deleted. Tokens, sessions, tags and locations go with the user (FK cascades); the audit log
 * keeps the record, since it copies rather than references.
 */
export async function deleteUsers(db: Db, actor: Actor, raw: unknown): Promise<BulkResult> {
  const input = parseInput(deleteUsersSchema, raw);
  return runOnUsers(db, actor, await selectedUserIds(db, actor, input), {
    action: "users.delete",
    removesAdmin: () => true,
    apply: async (tx, list) => {
      const ids = list.map((u) => u.id);
      await tx
        .update(devices)
        .set({ ownerId: input.devices === "to_me" ? actor.viewer.userId : null })
        .where(inArray(devices.ownerId, ids));
      await tx.delete(users).where(inArray(users.id, ids));
    },
    audit: (user) => ({
      action: "user_deleted",
      before: { name: user.name, email: user.email, role: user.role, org: user.org.name },
      after: { devices: input.devices === "to_me" ? `to ${actor.viewer.email}` : "unowned" },
    }),
  });
}
