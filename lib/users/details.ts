import "server-only";
import { assertAllowed } from "@/lib/commands/authorize";
import { and, asc, desc, eq, inArray, or } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { auditLog, devices, locations, organizations, userLocations, users } from "@/db/schema";
import { AUDIT_RECORD_COLUMNS } from "@/lib/audit/record-columns";
import { tagsOfUsers } from "@/lib/tags/queries";
import type { TagRef } from "@/lib/tags/target";
import type { Actor } from "@/lib/commands/actor";
import { usableLocations, type UsableLocation } from "@/lib/locations/usable";
import { notFound } from "@/lib/errors";
import { orgsAtOrBelow } from "@/lib/orgs/subtree-sql";
import { userTypeOf, type UserType } from "@/lib/policy";

import { statusOf, type UserStatus } from "./filters";
import { loadUsersInView, toUserTarget } from "./targets";

export type UserDetails = {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  role: string;
  type: UserType;
  status: UserStatus;
  pending: boolean;
  suspended: boolean;
  org: { id: string; name: string };
  registeredAt: Date;
  lastLoginAt: Date | null;
  locationIds: string[];
  locations: { id: string; name: string }[];
  /** The locations usable in the user's org (its own and inherited), for the edit form. */
  orgLocations: UsableLocation[];
  tags: TagRef[];
};

/** One user in the actor's view, for the profile page and the edit dialog. */
export async function userDetails(db: Executor, actor: Actor, userId: string): Promise<UserDetails> {
  const [scoped] = await loadUsersInView(db, actor, [userId]);
  if (!scoped) throw notFound();
  assertAllowed(actor.policy, "users.view", toUserTarget(scoped));
  const [found] = await db.select({ user: users, orgType: organizations.type }).from(users).innerJoin(organizations, eq(organizations.id, users.orgId)).where(eq(users.id, userId));
  if (!found) throw notFound();
  const row = found.user;
  const [mine, available, tagRows] = await Promise.all([
    db.select({ id: locations.id, name: locations.name }).from(userLocations).innerJoin(locations, eq(locations.id, userLocations.locationId)).where(eq(userLocations.userId, userId)).orderBy(asc(locations.name)),
    usableLocations(db, actor, scoped.org.path),
    tagsOfUsers(db, row.tenantId, [userId]),
  ]);
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    role: row.role,
    type: userTypeOf({ developerMode: row.developerMode, orgType: found.orgType }),
    status: statusOf(row),
    pending: row.acceptedAt === null,
    suspended: row.suspendedAt !== null,
    org: { id: scoped.org.id, name: scoped.org.name },
    registeredAt: row.registeredAt,
    lastLoginAt: row.lastLoginAt,
    locationIds: mine.map((l) => l.id),
    locations: mine,
    orgLocations: available,
    tags: tagRows.get(userId) ?? [],
  };
}

/** The devices a user in the actor's view owns (profile "Devices" tab). */
export async function userDevices(db: Executor, actor: Actor, userId: string) {
  const [scoped] = await loadUsersInView(db, actor, [userId]);
  if (!scoped) throw notFound();
  assertAllowed(actor.policy, "users.view", toUserTarget(scoped));
  return db
    .select({ id: devices.id, name: devices.name, model: devices.model, createdAt: devices.createdAt })
    .from(devices)
    .where(and(eq(devices.tenantId, actor.viewer.tenant.id), eq(devices.ownerId, userId)))
    .orderBy(asc(devices.name));
}

/** The audit entries by or about a user (profile "Action log" tab), newest first. */
export async function userActionLog(db: Executor, actor: Actor, userId: string, limit = 100) {
  const [scoped] = await loadUsersInView(db, actor, [userId]);
  if (!scoped) throw notFound();
  assertAllowed(actor.policy, "users.view_log", toUserTarget(scoped));
  return db
    .select({
      id: auditLog.id,
      ...AUDIT_RECORD_COLUMNS,
      createdAt: auditLog.createdAt,
    })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.tenantId, actor.viewer.tenant.id),
        or(eq(auditLog.targetId, userId), eq(auditLog.actorId, userId)),
        // As on the audit page: what happened in the org shown and below it, never a name from above.
        inArray(auditLog.orgId, db.select({ id: organizations.id }).from(organizations).where(orgsAtOrBelow(actor.viewer.tenant.id, actor.org.path))),
      ),
    )
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(limit);
}
