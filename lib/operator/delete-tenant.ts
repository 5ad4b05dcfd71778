import "server-only";
import { eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db, Tx } from "@/db/client";
import { devices, organizations, outbox, tenants, users } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write";
import { inTransaction } from "@/lib/commands/transaction";
import { DomainError } from "@/lib/errors";
import type { deleteTenantSchema } from "./schemas";
import { byOperator, lockedTenant } from "./tenant";

export type DeletedTenant = { tenantId: string; name: string; removed: { users: number; organizations: number; devices: number; emails: number } };

async function countOf(tx: Tx, table: typeof users | typeof organizations | typeof devices, tenantId: string): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(table).where(eq(table.tenantId, tenantId));
  return row?.n ?? 0;
}

/**
 * `tenant delete --confirm <name>`: everything of the tenant goes in one transaction (its rows
 * cascade from the tenant row). Its outbox rows go too — unsent emails would carry links that no
 * longer work, sent ones are a delivery record, not the tenant's history. The audit log stays: it
 * is append-only and is the record, this deletion included.
 */
export async function deleteTenant(db: Db, input: z.output<typeof deleteTenantSchema>): Promise<DeletedTenant> {
  return inTransaction(db, async (tx) => {
    const tenant = await lockedTenant(tx, input.tenantId);
    if (input.confirm !== tenant.name) {
      throw new DomainError("INVALID", `To delete ${tenant.name}, confirm with its exact name: --confirm "${tenant.name}".`, { field: "confirm", refusal: "CONFIRM_MISMATCH" });
    }
    const removed = {
      users: await countOf(tx, users, tenant.id),
      organizations: await countOf(tx, organizations, tenant.id),
      devices: await countOf(tx, devices, tenant.id),
      emails: Number((await tx.execute<{ n: number }>(sql`WITH gone AS (DELETE FROM ${outbox} WHERE tenant_id = ${tenant.id} RETURNING 1) SELECT count(*)::int AS n FROM gone`)).rows[0]?.n ?? 0),
    };
    await tx.delete(tenants).where(eq(tenants.id, tenant.id));
    await writeAudit(tx, { ...byOperator(tenant), action: "tenant_deleted", before: { name: tenant.name, plan: tenant.plan, ...removed } });
    return { tenantId: tenant.id, name: tenant.name, removed };
  });
}
