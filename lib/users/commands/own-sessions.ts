import "server-only";
import type { Db } from "@/db/client";
import { revokeSession } from "@/lib/auth/session-check";
import { endOtherSessions } from "@/lib/auth/sessions-queries";
import type { Actor } from "@/lib/commands/actor";

/** Ends every other session of your own; this one goes on. */
export async function endOwnOtherSessions(db: Db, actor: Actor): Promise<void> {
  await db.transaction((tx) => endOtherSessions(tx, actor.viewer));
}

/** Ends every session of your own, this one included. */
export async function endAllOwnSessions(db: Db, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    await endOtherSessions(tx, actor.viewer);
    await revokeSession(tx, actor.viewer.sessionId);
  });
}
