import "server-only";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import type { Actor } from "@/lib/commands/actor";
import type { BulkResult } from "@/lib/commands/bulk";
import { isAdminRole } from "@/lib/policy";
import { isAnyOf } from "@/lib/sql/any-of";
import { bulkUsersSchema } from "../schemas";
import { runOnUsers } from "./run-on-users";
import { endSessions } from "./sessions";

/** Suspended users cannot log in and their sessions end; an org's last active Admin stays. */
export async function suspendUsers(db: Db, actor: Actor, input: z.output<typeof bulkUsersSchema>, now = new Date()): Promise<BulkResult> {
  return runOnUsers(db, actor, input, {
    action: "users.suspend",
    removesAdmin: (user) => isAdminRole(user.role),
    apply: async (tx, list) => {
      const ids = list.map((u) => u.id);
      await tx.update(users).set({ suspendedAt: now }).where(isAnyOf(users.id, ids));
      await endSessions(tx, ids, now);
    },
    audit: () => ({ action: "user_suspended", before: { suspended: false }, after: { suspended: true } }),
  });
}

export async function reactivateUsers(db: Db, actor: Actor, input: z.output<typeof bulkUsersSchema>): Promise<BulkResult> {
  return runOnUsers(db, actor, input, {
    action: "users.reactivate",
    apply: async (tx, list) => {
      await tx.update(users).set({ suspendedAt: null }).where(isAnyOf(users.id, list.map((u) => u.id)));
    },
    audit: () => ({ action: "user_reactivated", before: { suspended: true }, after: { suspended: false } }),
  });
}
