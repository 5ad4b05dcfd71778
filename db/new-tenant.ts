import "server-only";
import { BUILTIN_ROLES, DEFAULT_GRANTS, ROLE_LABELS, type Permission } from "@/lib/policy";
import type { Tx } from "./types";
import { organizations, roleGrants, roles, tenants, type Plan } from "./schema";

export type NewTenant = {
  tenantId: string;
  roleIds: ReadonlyMap<string, string>;
  root: { id: string; tenantId: string; path: string; depth: number; name: string };
};

/**
 * The rows every tenant starts with, inside the caller's transaction: the tenant, its built-in
 * roles, its root organization (same id as the tenant) and the default grants there. Sign-up,
 * the operator's command line and the demo seed all begin a tenant here.
 */
export async function insertTenant(tx: Tx, input: { name: string; plan: Plan; now?: Date }): Promise<NewTenant> {
  const tenantId = crypto.randomUUID();
  const now = input.now ?? new Date();
  await tx.insert(tenants).values({ id: tenantId, name: input.name, plan: input.plan, createdAt: now });
  const roleRows = await tx
    .insert(roles)
    .values(BUILTIN_ROLES.map((key) => ({ tenantId, key, name: ROLE_LABELS[key], builtin: true })))
    .returning({ id: roles.id, key: roles.key });
  const roleIds = new Map(roleRows.map((r) => [r.key, r.id]));
  const root = { id: tenantId, tenantId, path: `${tenantId}/`, depth: 1, name: input.name };
  await tx.insert(organizations).values({ ...root, parentId: null, type: "root", createdAt: now });
  await insertGrants(tx, { tenantId, orgId: root.id, roleIds });
  return { tenantId, roleIds, root };
}

/** The default grants of the built-in roles in one org, plus any extra for its User role. */
export async function insertGrants(tx: Tx, input: { tenantId: string; orgId: string; roleIds: ReadonlyMap<string, string>; userExtras?: readonly Permission[] }): Promise<void> {
  const grants = BUILTIN_ROLES.flatMap((role) => {
    const held = new Set<Permission>(DEFAULT_GRANTS[role]);
    if (role === "user") for (const p of input.userExtras ?? []) held.add(p);
    return [...held].map((permission) => ({ tenantId: input.tenantId, orgId: input.orgId, roleId: input.roleIds.get(role)!, permission }));
  });
  if (grants.length) await tx.insert(roleGrants).values(grants);
}
