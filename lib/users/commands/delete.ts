import "server-only";
import type { z } from "zod";
import { asc } from "drizzle-orm";
import type { Db } from "@/db/client";
import { devices, users } from "@/db/schema";
import type { Actor } from "@/lib/commands/actor";
import type { BulkResult } from "@/lib/commands/bulk";
import { isAnyOf } from "@/lib/sql/any-of";
import { deleteUsersSchema } from "../schemas";
import { runOnUsers } from "./run-on-users";

/**
 * Deletes users. Their devices pass to the acting admin, or lose their owner if asked — never
 * deleted. Tokens, sessions, tags and locations go with the user (FK cascades); the audit log
 * keeps the record, since it copies rather than references.
 */
export async function deleteUsers(db: Db, actor: Actor, input: z.output<typeof deleteUsersSchema>): Promise<BulkResult> {
  return runOnUsers(db, actor, input, {
    action: "users.delete",
    removesAdmin: () => true,
    apply: async (tx, list) => {
      const ids = list.map((u) => u.id);
      // The devices are handed over after the users are gone, not before: moving them first
      // made the device-count trigger update every departing owner's row (and each of its
      // indexes) just before deleting it — most of a 10,000-user delete. The foreign key
      // unowns them; locking them first keeps anyone else from taking them in between.
      const handedOver =
        input.devices === "to_me"
          ? await tx.select({ id: devices.id }).from(devices).where(isAnyOf(devices.ownerId, ids)).orderBy(asc(devices.id)).for("update")
          : [];
      await tx.delete(users).where(isAnyOf(users.id, ids));
      if (handedOver.length) {
        await tx.update(devices).set({ ownerId: actor.viewer.userId }).where(isAnyOf(devices.id, handedOver.map((d) => d.id)));
      }
    },
    audit: (user) => ({
      action: "user_deleted",
      before: { name: user.name, email: user.email, role: user.role, org: user.org.name },
      after: { devices: input.devices === "to_me" ? `to ${actor.viewer.email}` : "unowned" },
    }),
  });
}
