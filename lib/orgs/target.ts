import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { organizations } from "@/db/schema";
import type { Actor } from "@/lib/commands/actor";
import { notFound } from "@/lib/errors";
import { isInView, type OrgRef, type OrgTarget } from "@/lib/policy";

// Orgs as the policy sees them, beside lib/users/targets.ts and lib/devices/target.ts: an org id
// from a request becomes a target only inside the actor's tenant and view, else "not found".

/** The org being shown, as a policy target. */
export function orgTarget(actor: Actor): OrgTarget {
  const { org } = actor;
  return {
    kind: "org",
    org: { id: org.id, tenantId: org.tenantId, path: org.path, depth: org.depth, name: org.name },
    canCreateSubOrgs: org.canCreateSubOrgs,
    isRoot: org.parentId === null,
  };
}

/**
 * An org of the actor's tenant inside their view, with what the policy needs to know of it.
 * `share` (inside a transaction) holds the org: commands that put something into it make a
 * concurrent delete of the org wait for them (then see what they added) or win first (then the
 * org is simply not found).
 */
export async function orgInView(db: Executor, actor: Actor, orgId: string, options: { share?: boolean } = {}) {
  const query = db
    .select()
    .from(organizations)
    .where(and(eq(organizations.id, orgId), eq(organizations.tenantId, actor.viewer.tenant.id)))
    .limit(1);
  const [org] = options.share ? await query.for("share") : await query;
  if (!org) throw notFound();
  const ref: OrgRef = { id: org.id, tenantId: org.tenantId, path: org.path, depth: org.depth, name: org.name };
  if (!isInView(actor.policy, ref)) throw notFound();
  return { ...org, ref, target: { kind: "org" as const, org: ref, canCreateSubOrgs: org.canCreateSubOrgs, isRoot: org.parentId === null } };
}
