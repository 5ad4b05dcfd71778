import "server-only";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { tenants, type Plan } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write";
import { inTransaction } from "@/lib/commands/transaction";
import { DomainError } from "@/lib/errors";
import { planBreaches, planLimits } from "@/lib/policy";
import type { setPlanSchema } from "./schemas";
import { byOperator, lockedTenant } from "./tenant";
import { tenantUsage } from "./usage";

export type PlanChange = { tenantId: string; name: string; from: Plan; to: Plan; changed: boolean };

/**
 * `tenant set-plan`: refused, naming every limit of the new plan (with the tenant's own
 * overrides) that the tenant is over; else applied and audited. The counts are read under the
 * tenant lock, which every command that adds to them takes too, so none can slip past the new limit.
 */
export async function setTenantPlan(db: Db, input: z.output<typeof setPlanSchema>): Promise<PlanChange> {
  return inTransaction(db, async (tx) => {
    const tenant = await lockedTenant(tx, input.tenantId);
    const change = { tenantId: tenant.id, name: tenant.name, from: tenant.plan, to: input.plan };
    if (tenant.plan === input.plan) return { ...change, changed: false };
    const limits = planLimits(input.plan, tenant.limitsOverride);
    const breaches = planBreaches(limits, await tenantUsage(tx, tenant.id));
    if (breaches.length) {
      throw new DomainError("LIMIT", `${tenant.name} cannot move to the ${limits.label} plan: ${breaches.map((b) => b.message).join("; ")}.`, {
        refusal: "PLAN_LIMITS_BROKEN",
        fieldErrors: Object.fromEntries(breaches.map((b) => [b.limit, b.message])),
      });
    }
    await tx.update(tenants).set({ plan: input.plan }).where(eq(tenants.id, tenant.id));
    await writeAudit(tx, { ...byOperator(tenant), action: "tenant_plan_changed", before: { plan: tenant.plan }, after: { plan: input.plan } });
    return { ...change, changed: true };
  });
}
