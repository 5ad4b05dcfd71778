import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { organizations } from "@/db/schema";
import type { AuditEntry } from "@/lib/audit/write";
import type { Viewer } from "@/lib/auth/session-check";
import { notFound } from "@/lib/errors";
import { loadGrants, loadRoleGrants } from "@/lib/orgs/resolve";
import { mayOpenOrg, type OrgRef, type Permission, type PolicyViewer } from "@/lib/policy";

type CurrentOrg = OrgRef & { type: string; description: string; timezone: string; parentId: string | null; canCreateSubOrgs: boolean };

/** Where a request came from; pages have none, actions and the API always do. */
export type RequestMeta = { ip?: string | null; requestId?: string | null };

/**
 * Who is asking, in which org, from where: the one thing pages, actions and commands know of
 * their caller. `policy` is what lib/policy decides with; `org` is the org being shown.
 */
export type Actor = { viewer: Viewer; org: CurrentOrg; policy: PolicyViewer } & RequestMeta;

/**
 * The viewer acting in `orgId`, or null when the org is outside their reach — another
 * tenant's, a parent, a sibling, or below them without "switch to sub-organizations" — which
 * callers answer exactly like an unknown id (security.md A2). Reach is lib/policy's verdict.
 */
export async function resolveActor(db: Executor, viewer: Viewer, orgId: string, meta: RequestMeta = {}): Promise<Actor | null> {
  if (!z.uuid().safeParse(orgId).success) return null;
  const own = orgId === viewer.org.id;
  // Read together: grants are keyed by the tenant's own roles, so an org id of another tenant
  // finds none, and the org lookup below answers for it.
  const [[org], roleGrantsHere, ownGrants] = await Promise.all([
    db
      .select()
      .from(organizations)
      .where(and(eq(organizations.id, orgId), eq(organizations.tenantId, viewer.tenant.id)))
      .limit(1),
    loadRoleGrants(db, viewer.tenant.id, orgId),
    own ? null : loadGrants(db, viewer.tenant.id, viewer.org.id, viewer.role),
  ]);
  if (!org) return null;
  const grants = roleGrantsHere.get(viewer.role) ?? new Set<Permission>();
  const ownOrgGrants = ownGrants ?? grants;
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
    ownOrgGrants,
    roleGrants: roleGrantsHere,
    developerMode: viewer.developerMode,
  };
  if (!mayOpenOrg(policy, policy.currentOrg)) return null;
  return { viewer, org: current, policy, ...meta };
}

/** resolveActor for commands: an org outside the viewer's reach is "not found". */
export async function actorIn(db: Executor, viewer: Viewer, orgId: string, meta: RequestMeta = {}): Promise<Actor> {
  const actor = await resolveActor(db, viewer, orgId, meta);
  if (!actor) throw notFound();
  return actor;
}

/** The audit fields every command copies from its actor. */
export function auditBy(actor: Actor): Pick<AuditEntry, "tenantId" | "orgId" | "actorId" | "actorEmail" | "ip" | "requestId"> {
  return {
    tenantId: actor.viewer.tenant.id,
    orgId: actor.org.id,
    actorId: actor.viewer.userId,
    actorEmail: actor.viewer.email,
    ip: actor.ip ?? null,
    requestId: actor.requestId ?? null,
  };
}
