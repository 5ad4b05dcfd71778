import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { organizations, roleGrants, roles, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/session-check";
import { isPermission, type OrgRef, type Permission, type PolicyViewer } from "@/lib/policy";
import { isActiveAdmin } from "@/lib/users/active";

export type CurrentOrg = OrgRef & { type: string; description: string; timezone: string; parentId: string | null; canCreateSubOrgs: boolean };
export type OrgContext = {
  viewer: Viewer;
  org: CurrentOrg;
  policy: PolicyViewer;
  /** The org switcher is offered: reach is decided by the grants of the viewer's own org. */
  canSwitch: boolean;
};

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
async function loadRoleGrants(db: Executor, tenantId: string, orgId: string): Promise<Map<string, Set<Permission>>> {
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

/**
 * Resolves the org named in the URL for this viewer. An org outside their reach — another
 * tenant's, a parent, a sibling, or below them without "switch to sub-organizations" —
 * answers exactly like an unknown id: 404.
 */
export async function resolveOrgContext(db: Executor, viewer: Viewer, orgId: string): Promise<OrgContext | null> {
  if (!z.uuid().safeParse(orgId).success) return null;
  const [org] = await db
    .select()
    .from(organizations)
    .where(and(eq(organizations.id, orgId), eq(organizations.tenantId, viewer.tenant.id)))
    .limit(1);
  if (!org || !org.path.startsWith(viewer.org.path)) return null;
  const roleGrantsHere = await loadRoleGrants(db, viewer.tenant.id, org.id);
  const grants = roleGrantsHere.get(viewer.role) ?? new Set<Permission>();
  const ownGrants = org.id === viewer.org.id ? grants : await loadGrants(db, viewer.tenant.id, viewer.org.id, viewer.role);
  if (org.id !== viewer.org.id && !ownGrants.has("orgs.switch")) return null;
  const current: CurrentOrg = {
    id: org.id,
    tenantId: org.tenantId,
    path: org.path,
    depth: org.depth,
    name: org.name,
    type: org.type,
    description: org.description,
    timezone: org.timezone,
    parentId: org.parentId,
    canCreateSubOrgs: org.canCreateSubOrgs,
  };
  const policy: PolicyViewer = {
    userId: viewer.userId,
    tenantId: viewer.tenant.id,
    plan: viewer.tenant.plan,
    org: { id: viewer.org.id, tenantId: viewer.org.tenantId, path: viewer.org.path, depth: viewer.org.depth, name: viewer.org.name },
    role: viewer.role,
    currentOrg: { id: current.id, tenantId: current.tenantId, path: current.path, depth: current.depth, name: current.name },
    grants,
    roleGrants: roleGrantsHere,
    developerMode: viewer.developerMode,
  };
  return { viewer, org: current, policy, canSwitch: ownGrants.has("orgs.switch") };
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
