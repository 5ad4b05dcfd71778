import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { tenants, type Tenant } from "@/db/schema";
import { OPERATOR_ACTOR } from "@/lib/audit/actions";
import type { AuditEntry } from "@/lib/audit/write";
import { DomainError } from "@/lib/errors";

export const noSuchTenant = (tenantId: string) => new DomainError("NOT_FOUND", `No tenant has the id ${tenantId}.`);

/**
 * The tenant row, locked for the rest of the transaction: the commands that could break a plan
 * limit (invitations, sub-orgs, roles, developer mode) lock it too (lockTenant), so an operator's
 * change and theirs take turns.
 */
export async function lockedTenant(tx: Tx, tenantId: string): Promise<Tenant> {
  const [tenant] = await tx.select().from(tenants).where(eq(tenants.id, tenantId)).for("update");
  if (!tenant) throw noSuchTenant(tenantId);
  return tenant;
}

/** An operator's audit row: no user acts, and it sits on the root org so the tenant's own log shows it. */
export function byOperator(tenant: { id: string; name: string }): Pick<AuditEntry, "tenantId" | "orgId" | "actorId" | "actorEmail" | "targetType" | "targetId" | "targetLabel"> {
  return { tenantId: tenant.id, orgId: tenant.id, actorId: null, actorEmail: OPERATOR_ACTOR, targetType: "tenant", targetId: tenant.id, targetLabel: tenant.name };
}
