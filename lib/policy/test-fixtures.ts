// Builders for the policy tests (not exported from index.ts).
import type { Permission } from "./permissions";
import type { PlanKey } from "./plans";
import { DEFAULT_GRANTS, isBuiltinRole, type RoleKey } from "./roles";
import type { DeviceTarget, OrgRef, OrgTarget, PolicyViewer, TenantTarget, UserTarget } from "./types";

/** An OrgRef from its path: "acme/c/g/" is org "g" of tenant "acme" at depth 3. */
export function orgAt(path: string, name?: string): OrgRef {
  const ids = path.slice(0, -1).split("/");
  const id = ids[ids.length - 1] ?? "";
  return { id, tenantId: ids[0] ?? "", path, depth: ids.length, name: name ?? `Org ${id}` };
}

export type ViewerOptions = {
  userId?: string;
  org: OrgRef;
  current?: OrgRef;
  role: RoleKey;
  grants?: Iterable<Permission>;
  plan?: PlanKey;
};

export function viewerAt({ userId = "v", org, current, role, grants, plan = "pro" }: ViewerOptions): PolicyViewer {
  const held = grants ?? (isBuiltinRole(role) ? DEFAULT_GRANTS[role] : []);
  return { userId, tenantId: org.tenantId, plan, org, role, currentOrg: current ?? org, grants: new Set(held), developerMode: false };
}

export function userIn(org: OrgRef, over: Partial<Omit<UserTarget, "kind">> = {}): UserTarget {
  return { kind: "user", id: "u", tenantId: org.tenantId, org, role: "user", pending: false, suspended: false, developerMode: false, ...over };
}

/** The viewer's own record, as a self.* action receives it. */
export function selfOf(viewer: PolicyViewer): UserTarget {
  return userIn(viewer.org, { id: viewer.userId, role: viewer.role, developerMode: viewer.developerMode });
}

export function deviceIn(org: OrgRef, over: Partial<Omit<DeviceTarget, "kind">> = {}): DeviceTarget {
  return { kind: "device", id: "d", tenantId: org.tenantId, org, ownerId: "someone", ...over };
}

export function orgTarget(org: OrgRef, over: Partial<Omit<OrgTarget, "kind" | "org">> = {}): OrgTarget {
  return { kind: "org", org, canCreateSubOrgs: true, isRoot: org.depth === 1, ...over };
}

export function tenantOf(org: OrgRef): TenantTarget {
  return { kind: "tenant", tenantId: org.tenantId };
}
