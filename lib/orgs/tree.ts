import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { orgMemberCounts, organizations } from "@/db/schema";
import type { Actor } from "@/lib/commands/actor";
import { checkOrgEmpty, reachesBelowOwnOrg } from "@/lib/policy";
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
 * The orgs under `root` (itself included), in tree order, with their own user and device counts
 * (kept in org_member_counts by triggers). One range scan on the path index.
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
      users: sql<number>`coalesce(${orgMemberCounts.userCount}, 0)`,
      devices: sql<number>`coalesce(${orgMemberCounts.deviceCount}, 0)`,
    })
    .from(organizations)
    .leftJoin(orgMemberCounts, eq(orgMemberCounts.orgId, organizations.id))
    .where(orgsAtOrBelow(tenantId, rootPath))
    .orderBy(asc(organizations.path))
    .limit(5_000);
  return sortTree(orgs);
}

/**
 * Why each org of a subtree cannot be deleted for what it holds (checkOrgEmpty), from the counts
 * the tree already carries, so the page says so before any typing; empty orgs are absent.
 */
export function notEmptyReasons(nodes: readonly OrgNode[]): Map<string, string> {
  const subOrgs = new Map<string, number>();
  for (const n of nodes) if (n.parentId) subOrgs.set(n.parentId, (subOrgs.get(n.parentId) ?? 0) + 1);
  const out = new Map<string, string>();
  for (const n of nodes) {
    const check = checkOrgEmpty({ orgName: n.name, users: n.users, devices: n.devices, subOrgs: subOrgs.get(n.id) ?? 0 });
    if (!check.ok) out.set(n.id, check.reason);
  }
  return out;
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
export async function switchableOrgs(db: Executor, actor: Actor): Promise<OrgNode[]> {
  const { viewer } = actor;
  if (!reachesBelowOwnOrg(actor.policy)) return (await subtree(db, viewer.tenant.id, viewer.org.path)).filter((o) => o.id === viewer.org.id);
  return subtree(db, viewer.tenant.id, viewer.org.path);
}

/** An org as the header's org switcher lists it. */
export type SwitcherOrg = { id: string; name: string; type: string; depth: number; users: number; own: boolean };
