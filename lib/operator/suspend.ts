import "server-only";
import { eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { sessions, tenants } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write";
import { inTransaction } from "@/lib/commands/transaction";
import type { tenantRefSchema } from "./schemas";
import { byOperator, lockedTenant } from "./tenant";

export type Suspension = { tenantId: string; name: string; changed: boolean; suspendedAt: Date | null; sessionsEnded: number };

/**
 * `tenant suspend`: nobody of the tenant can log in, its links stop working and its pages
 * answer as if it did not exist (each reader checks tenants.suspended_at). Its open sessions are
 * revoked as well, so resuming does not bring them back. Suspending a suspended tenant changes nothing.
 */
export async function suspendTenant(db: Db, input: z.output<typeof tenantRefSchema>, now = new Date()): Promise<Suspension> {
  return inTransaction(db, async (tx) => {
    const tenant = await lockedTenant(tx, input.tenantId);
    if (tenant.suspendedAt) return { tenantId: tenant.id, name: tenant.name, changed: false, suspendedAt: tenant.suspendedAt, sessionsEnded: 0 };
    await tx.update(tenants).set({ suspendedAt: now }).where(eq(tenants.id, tenant.id));
    // Counted in SQL: a large tenant's sessions need not travel back to be counted.
    const { rows } = await tx.execute<{ n: number }>(sql`
      WITH ended AS (UPDATE ${sessions} SET revoked_at = ${now} WHERE tenant_id = ${tenant.id} AND revoked_at IS NULL RETURNING 1)
      SELECT count(*)::int AS n FROM ended`);
    const sessionsEnded = Number(rows[0]?.n ?? 0);
    await writeAudit(tx, { ...byOperator(tenant), action: "tenant_suspended", after: { sessionsEnded } });
    return { tenantId: tenant.id, name: tenant.name, changed: true, suspendedAt: now, sessionsEnded };
  });
}

/** `tenant resume`: its people may log in again. Resuming a tenant that is not suspended changes nothing. */
export async function resumeTenant(db: Db, input: z.output<typeof tenantRefSchema>): Promise<Suspension> {
  return inTransaction(db, async (tx) => {
    const tenant = await lockedTenant(tx, input.tenantId);
    const result = { tenantId: tenant.id, name: tenant.name, suspendedAt: null, sessionsEnded: 0 };
    if (!tenant.suspendedAt) return { ...result, changed: false };
    await tx.update(tenants).set({ suspendedAt: null }).where(eq(tenants.id, tenant.id));
    await writeAudit(tx, { ...byOperator(tenant), action: "tenant_resumed", before: { suspendedAt: tenant.suspendedAt } });
    return { ...result, changed: true };
  });
}
