import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { organizations, roleGrants, roles, users } from "@/db/schema";
import { isPermission, type Permission } from "@/lib/policy";
import { isActiveAdmin } from "@/lib/users/active";

/** The permissions a role holds in one org (grants are stored per org and role). */
export async function loadGrants(db: Executor, tenantId: string, orgId: string, roleKey: string): Promise<Set<Permission>> {
  const rows = await db
    .select({ permission: roleGrants.permission })
    .from(roleGrants)
    .innerJoin(roles, eq(roles.id, roleGrants.roleId))
    .where(and(eq(roleGrants.orgId, orgId), eq(roles.tenantId, tenantId), eq(roles.key, roleKey)));
  return new Set(rows.map((r) => r.permission).filter(isPermission));
}

/** Every role's permissions in one org, by role key (what tells which roles stand above a viewer). */
export async function loadRoleGrants(db: Executor, tenantId: string, orgId: string): Promise<Map<string, Set<Permission>>> {
  const rows = await db
    .select({ key: roles.key, permission: roleGrants.permission })
    .from(roles)
    .leftJoin(roleGrants, and(eq(roleGrants.roleId, roles.id), eq(roleGrants.orgId, orgId)))
    .where(eq(roles.tenantId, tenantId));
  const out = new Map<string, Set<Permission>>();
  for (const { key, permission } of rows) {
    const held = out.get(key) ?? new Set<Permission>();
    if (permission && isPermission(permission)) held.add(permission);
    out.set(key, held);
  }
  return out;
}

/** Names of the Admins who can grant permissions in an org: its own, else the nearest above. */
export async function adminsWhoCanHelp(db: Executor, org: { tenantId: string; path: string }): Promise<{ orgName: string; names: string[] } | null> {
  const ancestorIds = org.path.split("/").filter(Boolean).reverse();
  const rows = await db
    .select({ orgId: users.orgId, name: users.name, orgName: organizations.name })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.orgId))
    .where(and(eq(users.tenantId, org.tenantId), inArray(users.orgId, ancestorIds), isActiveAdmin()))
    .orderBy(asc(users.name))
    .limit(200);
  for (const id of ancestorIds) {
    const here = rows.filter((r) => r.orgId === id);
    if (here.length) return { orgName: here[0]!.orgName, names: here.slice(0, 5).map((r) => r.name) };
  }
  return null;
}
