import "server-only";
import type { z } from "zod";
import { and, isNull, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { sessions, users } from "@/db/schema";
import type { Actor } from "@/lib/commands/actor";
import type { BulkResult } from "@/lib/commands/bulk";
import { isAnyOf } from "@/lib/sql/any-of";
import { bulkUsersSchema } from "../schemas";
import { runOnUsers } from "./run-on-users";

/** Ends every session of these users on their next request (security.md D1). */
export async function endSessions(tx: Tx, userIds: readonly string[], now = new Date()): Promise<void> {
  if (userIds.length === 0) return;
  await tx.update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1` }).where(isAnyOf(users.id, userIds));
  await tx.update(sessions).set({ revokedAt: now }).where(and(isAnyOf(sessions.userId, userIds), isNull(sessions.revokedAt)));
}

export async function forceLogout(db: Db, actor: Actor, input: z.output<typeof bulkUsersSchema>): Promise<BulkResult> {
  return runOnUsers(db, actor, input, {
    action: "users.force_logout",
    apply: (tx, list) => endSessions(tx, list.map((u) => u.id)),
    audit: () => ({ action: "session_logout_forced" }),
  });
}
