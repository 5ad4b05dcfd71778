import "server-only";
import type { z } from "zod";
import { and, eq, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { tenants } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write";
import { auditBy, type Actor } from "@/lib/commands/actor";
import { assertAllowed } from "@/lib/commands/authorize";
import { inTransaction, lockTenant, pgCode } from "@/lib/commands/transaction";
import { DomainError } from "@/lib/errors";
import { orgTarget } from "@/lib/orgs/target";
import { roleExists } from "@/lib/users/roles";
import { joinUrl } from "../join-settings";
import type { selfSignupSchema } from "../schemas";

const handleTaken = (handle: string) =>
  new DomainError("CONFLICT", `The link …/join/${handle} belongs to another organization; choose another handle.`, { field: "handle", refusal: "HANDLE_TAKEN" });

/**
 * Turns self sign-up on or off and sets the role new members get, the email domains allowed and
 * the handle of the join link (product.md §1; policy action org.self_signup). Turning it off
 * keeps the handle, so the same link works again when it is turned back on.
 */
export async function updateSelfSignup(db: Db, actor: Actor, input: z.output<typeof selfSignupSchema>): Promise<{ joinUrl: string }> {
  const tenantId = actor.viewer.tenant.id;
  const target = orgTarget(actor);
  assertAllowed(actor.policy, "org.self_signup", target, { role: input.role });
  return inTransaction(db, async (tx) => {
    // The operator may have changed the plan since the request began: decide on the locked row.
    const limits = await lockTenant(tx, tenantId);
    assertAllowed({ ...actor.policy, limits }, "org.self_signup", target, { role: input.role });
    await roleExists(tx, tenantId, input.role);
    const [current] = await tx.select().from(tenants).where(eq(tenants.id, tenantId));
    if (!current) throw new DomainError("NOT_FOUND", "Not found");
    const before = { enabled: current.joinEnabled, role: current.joinRole, domains: current.joinDomains, handle: current.handle };
    const after = { enabled: input.enabled, role: input.role, domains: input.domains, handle: input.handle };
    if (JSON.stringify(before) === JSON.stringify(after)) return { joinUrl: joinUrl(input.handle) };
    if (input.handle !== current.handle) {
      const [holder] = await tx.select({ id: tenants.id }).from(tenants).where(and(eq(tenants.handle, input.handle), ne(tenants.id, tenantId))).limit(1);
      if (holder) throw handleTaken(input.handle);
    }
    await tx
      .update(tenants)
      .set({ joinEnabled: input.enabled, joinRole: input.role, joinDomains: input.domains, handle: input.handle })
      .where(eq(tenants.id, tenantId))
      .catch((error: unknown) => {
        // Another tenant claimed the handle after the check above and committed first.
        throw pgCode(error) === "23505" ? handleTaken(input.handle) : error;
      });
    await writeAudit(tx, { ...auditBy(actor), action: "self_signup_changed", targetType: "org", targetId: tenantId, targetLabel: current.name, before, after });
    return { joinUrl: joinUrl(input.handle) };
  });
}
