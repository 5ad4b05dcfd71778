import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { organizations, users } from "@/db/schema";
import type { Actor } from "@/lib/commands/actor";
import { checkKeepsAdmin, isAdminRole, type OrgRef, type UserTarget } from "@/lib/policy";
import { pathAtOrBelow } from "@/lib/orgs/subtree-sql";
import { isAnyOf } from "@/lib/sql/any-of";
import { isUuid } from "@/lib/sql/uuid";
import { isActiveAdmin } from "./active";

/** A user row as commands need it, already proven to be inside the actor's view. */
export type ScopedUser = {
  id: string;
  tenantId: string;
  email: string;
  name: string;
  phone: string | null;
  role: string;
  developerMode: boolean;
  pending: boolean;
  suspended: boolean;
  lastLoginAt: Date | null;
  org: OrgRef;
};

export function toUserTarget(user: ScopedUser): UserTarget {
  return {
    kind: "user",
    id: user.id,
    tenantId: user.tenantId,
    org: user.org,
    role: user.role,
    pending: user.pending,
    suspended: user.suspended,
    developerMode: user.developerMode,
  };
}

/** SQL for "in this tenant and in the org shown or below it": the scope of every list. */
function inViewOf(actor: Actor) {
  return and(eq(users.tenantId, actor.viewer.tenant.id), pathAtOrBelow(organizations.path, actor.org.path));
}

const columns = {
  id: users.id,
  tenantId: users.tenantId,
  email: users.email,
  name: users.name,
  phone: users.phone,
  role: users.role,
  developerMode: users.developerMode,
  acceptedAt: users.acceptedAt,
  suspendedAt: users.suspendedAt,
  lastLoginAt: users.lastLoginAt,
  orgId: organizations.id,
  orgTenantId: organizations.tenantId,
  orgPath: organizations.path,
  orgDepth: organizations.depth,
  orgName: organizations.name,
};

function toScoped(row: {
  id: string; tenantId: string; email: string; name: string; phone: string | null; role: string;
  developerMode: boolean; acceptedAt: Date | null; suspendedAt: Date | null; lastLoginAt: Date | null;
  orgId: string; orgTenantId: string; orgPath: string; orgDepth: number; orgName: string;
}): ScopedUser {
  return {
    id: row.id,
    tenantId: row.tenantId,
    email: row.email,
    name: row.name,
    phone: row.phone,
    role: row.role,
    developerMode: row.developerMode,
    pending: row.acceptedAt === null,
    suspended: row.suspendedAt !== null,
    lastLoginAt: row.lastLoginAt,
    org: { id: row.orgId, tenantId: row.orgTenantId, path: row.orgPath, depth: row.orgDepth, name: row.orgName },
  };
}

/**
 * The users among `ids` that the actor can see, locked for update in id order when asked.
 * Ids outside the view are simply absent: the caller reports them as "not found".
 */
export async function loadUsersInView(db: Executor, actor: Actor, ids: readonly string[], options: { lock?: boolean } = {}): Promise<ScopedUser[]> {
  // An id that is not a uuid names nobody: "not found", like any unknown id, rather than a
  // Postgres cast error (a profile URL edited by hand).
  ids = ids.filter(isUuid);
  if (ids.length === 0) return [];
  const query = db
    .select(columns)
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.orgId))
    .where(and(inViewOf(actor), isAnyOf(users.id, ids)))
    .orderBy(asc(users.id));
  const rows = options.lock ? await query.for("update", { of: users }) : await query;
  return rows.map(toScoped);
}

/** A user who counts among their org's active Admins: the in-memory twin of isActiveAdmin(). */
export const countsAsActiveAdmin = (user: { role: string; pending: boolean; suspended: boolean }) => isAdminRole(user.role) && !user.suspended && !user.pending;

/** Active (accepted, not suspended) Admins per org; commands count after the orgs were locked, pages without. */
export async function activeAdminCounts(db: Executor, tenantId: string, orgIds: readonly string[]): Promise<Map<string, number>> {
  if (orgIds.length === 0) return new Map();
  const rows = await db
    .select({ orgId: users.orgId, n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), inArray(users.orgId, [...orgIds]), isActiveAdmin()))
    .groupBy(users.orgId);
  return new Map(rows.map((r) => [r.orgId, r.n]));
}

/**
 * Walks `targets` in order and lets each one go only while its org keeps an active Admin
 * (product.md §4). `removes(user)` says whether the change takes that user out of the count.
 * Returns the reason for each refused user; counts must have been read under lockOrgs.
 */
export function keepAdmins(targets: readonly ScopedUser[], counts: Map<string, number>, removes: (user: ScopedUser) => boolean): Map<string, string> {
  const remaining = new Map(counts);
  const refused = new Map<string, string>();
  for (const user of targets) {
    if (!countsAsActiveAdmin(user) || !removes(user)) continue;
    const after = (remaining.get(user.org.id) ?? 0) - 1;
    const check = checkKeepsAdmin({ orgName: user.org.name, activeAdminsAfter: after });
    if (check.ok) remaining.set(user.org.id, after);
    else refused.set(user.id, check.reason);
  }
  return refused;
}
