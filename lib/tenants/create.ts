import "server-only";
import type { Tx } from "@/db/client";
import { insertTenant } from "@/db/new-tenant";
import { users, type Plan } from "@/db/schema";
import { pgCode } from "@/lib/commands/transaction";
import { DomainError } from "@/lib/errors";
import { ALREADY_REGISTERED } from "@/lib/users/commands/invite";

export type FirstAdmin = { email: string; name: string; passwordHash: string | null };
export type CreatedTenant = { tenantId: string; root: { id: string; name: string }; adminId: string };

/**
 * A new tenant with its first person (product.md §1): Admin of the root organization, type
 * developer, developer mode on. With a password hash they have an account at once (sign-up);
 * without one they are a pending invitation (the operator's command line). Inside the caller's
 * transaction; the caller writes the audit row and any email.
 */
export async function createTenantWithAdmin(tx: Tx, input: { name: string; plan: Plan; admin: FirstAdmin; now: Date }): Promise<CreatedTenant> {
  const { tenantId, root } = await insertTenant(tx, { name: input.name, plan: input.plan, now: input.now });
  const accepted = input.admin.passwordHash !== null;
  const [admin] = await tx
    .insert(users)
    .values({
      tenantId,
      orgId: root.id,
      email: input.admin.email,
      name: input.admin.name,
      role: "admin",
      developerMode: true,
      passwordHash: input.admin.passwordHash,
      registeredAt: input.now,
      acceptedAt: accepted ? input.now : null,
      lastLoginAt: accepted ? input.now : null,
    })
    .returning({ id: users.id })
    .catch((error: unknown) => {
      // The address got an account meanwhile: another sign-up, an invitation (security.md I5).
      if (pgCode(error) === "23505") throw new DomainError("CONFLICT", ALREADY_REGISTERED, { field: "email", refusal: "EMAIL_TAKEN" });
      throw error;
    });
  return { tenantId, root: { id: root.id, name: root.name }, adminId: admin!.id };
}
