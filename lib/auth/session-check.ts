import "server-only";
import { and, eq, isNull, type SQL } from "drizzle-orm";
import type { Db, Executor } from "@/db/client";
import { organizations, orgTreeVersions, sessions, tenants, users, type Organization, type Plan, type Tenant, type User } from "@/db/schema";
import { userTypeOf, type UserType } from "@/lib/policy/user-type";
import { env } from "@/lib/env";

/** What the session cookie carries: identifiers only, never roles (security.md D7). */
export type SessionClaims = { sid: string; uid: string; sv: number };

export type Viewer = {
  sessionId: string;
  userId: string;
  name: string;
  email: string;
  role: string;
  type: UserType;
  developerMode: boolean;
  /** orgTreeVersion: the tenant's org tree as of this request (lib/orgs/subtree-cache.ts). */
  tenant: { id: string; name: string; plan: Plan; orgTreeVersion: number };
  org: { id: string; tenantId: string; path: string; depth: number; name: string; timezone: string };
};

type SessionLimits = { idleMinutes: number; maxHours: number };
const defaultLimits: SessionLimits = { idleMinutes: env.SESSION_IDLE_MINUTES, maxHours: env.SESSION_MAX_HOURS };

// Writing last_seen_at on every request would turn every page view into a write.
const TOUCH_EVERY_MS = 60_000;

/**
 * The database is the truth about a session: revoked, idle, too old, a bumped session
 * version, a suspended, pending or deleted user, a tenant the operator suspended all mean
 * "logged out" on this very request.
 */
export async function loadViewer(db: Db, claims: SessionClaims, now = new Date(), limits = defaultLimits): Promise<Viewer | null> {
  const [row] = await db
    .select({ session: sessions, user: users, org: organizations, tenant: tenants, orgTreeVersion: orgTreeVersions.version })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organizations, eq(organizations.id, users.orgId))
    .innerJoin(tenants, eq(tenants.id, users.tenantId))
    .leftJoin(orgTreeVersions, eq(orgTreeVersions.tenantId, users.tenantId))
    .where(and(eq(sessions.id, claims.sid), eq(sessions.userId, claims.uid), isNull(sessions.revokedAt)))
    .limit(1);
  if (!row) return null;
  const { session, user, org, tenant, orgTreeVersion } = row;
  const idleFor = now.getTime() - session.lastSeenAt.getTime();
  const age = now.getTime() - session.createdAt.getTime();
  if (
    user.sessionVersion !== claims.sv ||
    user.suspendedAt !== null ||
    user.acceptedAt === null ||
    tenant.suspendedAt !== null ||
    idleFor > limits.idleMinutes * 60_000 ||
    age > limits.maxHours * 3_600_000
  ) {
    return null;
  }
  if (idleFor > TOUCH_EVERY_MS) await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, session.id));
  return viewerFrom({ user, org, tenant, orgTreeVersion }, session.id);
}

/** The rows a Viewer is made of (viewerFrom) for the user `where` picks, without a session: delivery and tests. */
export async function viewerRow(db: Executor, where: SQL) {
  const [row] = await db
    .select({ user: users, org: organizations, tenant: tenants, orgTreeVersion: orgTreeVersions.version })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.orgId))
    .innerJoin(tenants, eq(tenants.id, users.tenantId))
    .leftJoin(orgTreeVersions, eq(orgTreeVersions.tenantId, users.tenantId))
    .where(where);
  return row;
}

/** The Viewer of a user row with its org and tenant rows and the tenant's org tree version (also used by tests and the bench). */
export function viewerFrom(row: { user: User; org: Organization; tenant: Tenant; orgTreeVersion: number | null }, sessionId: string): Viewer {
  const { user, org, tenant, orgTreeVersion } = row;
  return {
    sessionId,
    userId: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    type: userTypeOf({ developerMode: user.developerMode, orgType: org.type }),
    developerMode: user.developerMode,
    tenant: { id: tenant.id, name: tenant.name, plan: tenant.plan, orgTreeVersion: orgTreeVersion ?? 0 },
    org: { id: org.id, tenantId: org.tenantId, path: org.path, depth: org.depth, name: org.name, timezone: org.timezone },
  };
}

export async function revokeSession(db: Db, sessionId: string, now = new Date()): Promise<void> {
  await db.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}
