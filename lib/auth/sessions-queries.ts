import "server-only";
import { and, desc, eq, gt, isNull, ne, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { sessions } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write";
import { env } from "@/lib/env";
import type { Viewer } from "./session-check";

export type SessionSummary = { id: string; createdAt: Date; lastSeenAt: Date; userAgent: string | null; ip: string | null; current: boolean };

/** The viewer's own live sessions, this one first, then the most recently used (security.md D8); ended, idle and too old ones are left out here in SQL. */
export async function listOwnSessions(db: Executor, viewer: Viewer, now = new Date()): Promise<SessionSummary[]> {
  const oldest = new Date(now.getTime() - env.SESSION_MAX_HOURS * 3_600_000);
  const idleCutoff = new Date(now.getTime() - env.SESSION_IDLE_MINUTES * 60_000);
  const rows = await db
    .select({ id: sessions.id, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, userAgent: sessions.userAgent, ip: sessions.ip })
    .from(sessions)
    .where(and(eq(sessions.userId, viewer.userId), isNull(sessions.revokedAt), gt(sessions.createdAt, oldest), gt(sessions.lastSeenAt, idleCutoff)))
    .orderBy(sql`${sessions.id} = ${viewer.sessionId} DESC`, desc(sessions.lastSeenAt))
    .limit(50);
  return rows.map((row) => ({ ...row, current: row.id === viewer.sessionId }));
}

/** Ends every other session of the viewer; the current one continues. */
export async function endOtherSessions(db: Executor, viewer: Viewer, now = new Date()): Promise<number> {
  const ended = await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.userId, viewer.userId), ne(sessions.id, viewer.sessionId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  await writeAudit(db, {
    tenantId: viewer.tenant.id,
    orgId: viewer.org.id,
    actorId: viewer.userId,
    actorEmail: viewer.email,
    action: "session_logout_others",
    targetType: "user",
    targetId: viewer.userId,
    targetLabel: viewer.name,
    after: { ended: ended.length },
  });
  return ended.length;
}
