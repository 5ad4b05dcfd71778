import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { organizations, roles, users } from "@/db/schema";
import type { TenantUsage } from "@/lib/policy";

/** What the tenant holds that plans limit; exact counts (read under the tenant lock by set-plan). */
export async function tenantUsage(db: Executor, tenantId: string): Promise<TenantUsage & { pending: number }> {
  const [people] = await db
    .select({
      users: sql<number>`count(*)::int`,
      pending: sql<number>`count(*) filter (where ${users.acceptedAt} is null)::int`,
      developers: sql<number>`count(*) filter (where ${users.developerMode})::int`,
    })
    .from(users)
    .where(eq(users.tenantId, tenantId));
  const [orgs] = await db
    .select({
      subOrgs: sql<number>`count(*) filter (where ${organizations.depth} > 1)::int`,
      depth: sql<number>`coalesce(max(${organizations.depth}), 1)::int`,
      // In the enum's order: root first.
      types: sql<TenantUsage["orgTypes"]>`coalesce(array_agg(distinct ${organizations.type} order by ${organizations.type})::text[], '{}')`,
    })
    .from(organizations)
    .where(eq(organizations.tenantId, tenantId));
  const roleRows = await db.select({ name: roles.name, builtin: roles.builtin }).from(roles).where(eq(roles.tenantId, tenantId)).orderBy(asc(roles.name));
  return {
    users: people?.users ?? 0,
    pending: people?.pending ?? 0,
    developers: people?.developers ?? 0,
    subOrgs: orgs?.subOrgs ?? 0,
    depth: orgs?.depth ?? 1,
    orgTypes: orgs?.types ?? [],
    roles: roleRows.length,
    customRoleNames: roleRows.filter((r) => !r.builtin).map((r) => r.name),
  };
}

/** The Admins of the root org, for `tenant show`. */
export async function rootAdmins(db: Executor, tenantId: string): Promise<Array<{ email: string; name: string; pending: boolean; suspended: boolean }>> {
  const rows = await db
    .select({ email: users.email, name: users.name, acceptedAt: users.acceptedAt, suspendedAt: users.suspendedAt })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.orgId, tenantId), eq(users.role, "admin")))
    .orderBy(asc(users.email))
    .limit(20);
  return rows.map((r) => ({ email: r.email, name: r.name, pending: r.acceptedAt === null, suspended: r.suspendedAt !== null }));
}
