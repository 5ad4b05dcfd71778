import "server-only";
import type { Executor } from "@/db/client";
import type { Viewer } from "@/lib/auth/session-check";
import { notFound } from "@/lib/errors";
import { resolveOrgContext, type OrgContext } from "@/lib/orgs/resolve";
import type { AuditEntry } from "@/lib/audit/write";

/** Who runs a command, in which org, from where: everything a command needs about the caller. */
export type Actor = OrgContext & { ip?: string | null; requestId?: string | null };

/** The viewer acting in `orgId`; an org outside their reach is "not found" (security.md A2). */
export async function actorIn(db: Executor, viewer: Viewer, orgId: string, meta: { ip?: string | null; requestId?: string | null } = {}): Promise<Actor> {
  const context = await resolveOrgContext(db, viewer, orgId);
  if (!context) throw notFound();
  return { ...context, ...meta };
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
