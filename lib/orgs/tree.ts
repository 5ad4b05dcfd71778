import "server-only";
import { and, asc, count, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { devices, organizations, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/session-check";
import { loadGrants } from "./resolve";
import { orgsAtOrBelow } from "./subtree-sql";

export type OrgNode = {
  id: string;
  name: string;
  description: string;
  type: string;
  depth: number;
  parentId: string | null;
  path: string;
  canCreateSubOrgs: boolean;
  users: number;
  devices: number;
};

/**
 * The orgs under `root` (itself included), in tree order, with their own user and device counts.
 * One range scan on the path index, then two grouped counts over those org ids.
 */
export async function subtree(db: Executor, tenantId: string, rootPath: string): Promise<OrgNode[]> {
  const orgs = await db
    .select({
      id: organizations.id,
      name: organizations.name,
      description: organizations.description,
      type: organizations.type,
      depth: organizations.depth,
      parentId: organizations.parentId,
      path: organizations.path,
      canCreateSubOrgs: organizations.canCreateSubOrgs,
    })
    .from(organizations)
    .where(orgsAtOrBelow(tenantId, rootPath))
    .orderBy(asc(organizations.path))
    .limit(5_000);
  const ids = orgs.map((o) => o.id);
  if (ids.length === 0) return [];
  const [userCounts, deviceCounts] = await Promise.all([
    db.select({ orgId: users.orgId, n: count() }).from(users).where(and(eq(users.tenantId, tenantId), inArray(users.orgId, ids))).groupBy(users.orgId),
    db.select({ orgId: devices.orgId, n: count() }).from(devices).where(and(eq(devices.tenantId, tenantId), inArray(devices.orgId, ids))).groupBy(devices.orgId),
  ]);
  const u = new Map(userCounts.map((r) => [r.orgId, r.n]));
  const d = new Map(deviceCounts.map((r) => [r.orgId, r.n]));
  return sortTree(orgs).map((o) => ({ ...o, users: u.get(o.id) ?? 0, devices: d.get(o.id) ?? 0 }));
}

/** Depth-first order with siblings by name (the path orders by id, which reads randomly). */
function sortTree<T extends { id: string; parentId: string | null; name: string }>(orgs: T[]): T[] {
  const children = new Map<string | null, T[]>();
  const ids = new Set(orgs.map((o) => o.id));
  for (const o of orgs) {
    const parent = o.parentId && ids.has(o.parentId) ? o.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), o]);
  }
  const out: T[] = [];
  const visit = (parent: string | null) => {
    for (const o of (children.get(parent) ?? []).sort((a, b) => a.name.localeCompare(b.name))) {
      out.push(o);
      visit(o.id);
    }
  };
  visit(null);
  return out;
}

/** The orgs the viewer may switch into: their own, and everything below it with orgs.switch. */
export async function switchableOrgs(db: Executor, viewer: Viewer): Promise<OrgNode[]> {
  const grants = await loadGrants(db, viewer.tenant.id, viewer.org.id, viewer.role);
  const all = await subtree(db, viewer.tenant.id, viewer.org.path);
  return grants.has("orgs.switch") ? all : all.filter((o) => o.id === viewer.org.id);
}
