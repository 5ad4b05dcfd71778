import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { organizations, orgMemberCounts, tenants, type Plan } from "@/db/schema";
import { planLimits, type PlanLimits, type TenantUsage } from "@/lib/policy";
import type { tenantRefSchema } from "./schemas";
import { noSuchTenant } from "./tenant";
import { rootAdmins, tenantUsage } from "./usage";

export type TenantSummary = { id: string; name: string; plan: Plan; users: number; organizations: number; createdAt: Date; suspendedAt: Date | null };

/** `tenant list`: every tenant, oldest first, with its people and orgs counted from the per-org counters. */
export async function listTenants(db: Db): Promise<TenantSummary[]> {
  const counts = db
    .select({
      tenantId: organizations.tenantId,
      users: sql<number>`coalesce(sum(${orgMemberCounts.userCount}), 0)::int`.as("users"),
      organizations: sql<number>`count(*)::int`.as("organizations"),
    })
    .from(organizations)
    .leftJoin(orgMemberCounts, eq(orgMemberCounts.orgId, organizations.id))
    .groupBy(organizations.tenantId)
    .as("counts");
  const rows = await db
    .select({ id: tenants.id, name: tenants.name, plan: tenants.plan, users: counts.users, organizations: counts.organizations, createdAt: tenants.createdAt, suspendedAt: tenants.suspendedAt })
    .from(tenants)
    .leftJoin(counts, eq(counts.tenantId, tenants.id))
    .orderBy(asc(tenants.createdAt), asc(tenants.id));
  return rows.map((r) => ({ ...r, users: r.users ?? 0, organizations: r.organizations ?? 0 }));
}

export type TenantDetails = Omit<TenantSummary, "users" | "organizations"> & {
  limits: PlanLimits;
  limitsOverride: Record<string, number | null> | null;
  usage: TenantUsage & { pending: number };
  admins: Awaited<ReturnType<typeof rootAdmins>>;
  join: { handle: string | null; enabled: boolean };
};

/** `tenant show`: one tenant, its limits in force and what it uses of them. */
export async function showTenant(db: Db, input: z.output<typeof tenantRefSchema>): Promise<TenantDetails> {
  const [tenant] = await db.select().from(tenants).where(eq(tenants.id, input.tenantId));
  if (!tenant) throw noSuchTenant(input.tenantId);
  return {
    id: tenant.id,
    name: tenant.name,
    plan: tenant.plan,
    createdAt: tenant.createdAt,
    suspendedAt: tenant.suspendedAt,
    limits: planLimits(tenant.plan, tenant.limitsOverride),
    limitsOverride: tenant.limitsOverride ?? null,
    usage: await tenantUsage(db, tenant.id),
    admins: await rootAdmins(db, tenant.id),
    join: { handle: tenant.handle, enabled: tenant.joinEnabled },
  };
}
