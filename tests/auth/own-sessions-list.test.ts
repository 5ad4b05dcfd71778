// The profile's "Where you're logged in" lists live sessions only: the database leaves out the
// ended, idle and too old ones, and another person's.
import { beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { sessions } from "@/db/schema";
import { listOwnSessions } from "@/lib/auth/sessions-queries";
import { loadViewer, type SessionClaims, type Viewer } from "@/lib/auth/session-check";
import { env } from "@/lib/env";
import { forceLogout } from "../helpers/commands";
import { freshDemoDb } from "../helpers/db";
import { actorFor } from "../helpers/actors";
import { openSession } from "../helpers/fixtures";

let db: Db;
let claims: SessionClaims[];
let viewer: Viewer;

beforeEach(async () => {
  db = await freshDemoDb();
  claims = [];
  for (let i = 0; i < 5; i++) claims.push(await openSession(db, "staff@acme.test"));
  viewer = (await loadViewer(db, claims[4]!))!;
});

const listed = async (now = new Date()) => (await listOwnSessions(db, viewer, now)).map((s) => s.id);

describe("listOwnSessions", () => {
  it("leaves out revoked, idle and too old sessions, lists this one first and marks it", async () => {
    const [revoked, idle, old, live] = claims.map((c) => c.sid);
    const now = new Date();
    await db.update(sessions).set({ revokedAt: now }).where(eq(sessions.id, revoked!));
    await db.update(sessions).set({ lastSeenAt: new Date(now.getTime() - (env.SESSION_IDLE_MINUTES + 1) * 60_000) }).where(eq(sessions.id, idle!));
    await db.update(sessions).set({ createdAt: new Date(now.getTime() - (env.SESSION_MAX_HOURS + 1) * 3_600_000) }).where(eq(sessions.id, old!));
    // The other live session was used more recently than this one; this one still comes first.
    await db.update(sessions).set({ lastSeenAt: new Date(now.getTime() + 1_000) }).where(eq(sessions.id, live!));
    const list = await listOwnSessions(db, viewer, now);
    expect(list.map((s) => s.id)).toEqual([viewer.sessionId, live]);
    expect(list.map((s) => s.current)).toEqual([true, false]);
    expect(list[0]).toMatchObject({ ip: "10.1.1.1", userAgent: "vitest" });
  });

  it("lists none of another person's sessions, and none after an admin's force logout ended them", async () => {
    await openSession(db, "admin@acme.test");
    expect(await listed()).toHaveLength(5);
    const admin = await actorFor(db, "admin@acme.test");
    await forceLogout(db, admin, { orgId: admin.org.id, userIds: [viewer.userId] });
    expect(await listed()).toEqual([]);
  });
});
