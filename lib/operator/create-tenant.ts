import "server-only";
import type { z } from "zod";
import type { Db } from "@/db/client";
import type { Plan } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write";
import { inTransaction } from "@/lib/commands/transaction";
import { enqueueEmail } from "@/lib/mail/outbox";
import { invitationEmail, invitationLink } from "@/lib/mail/templates";
import { orgTimeZones } from "@/lib/orgs/time-zone-of";
import { createTenantWithAdmin } from "@/lib/tenants/create";
import { issueToken, tokenExpiresAt } from "@/lib/users/tokens";
import type { createTenantSchema } from "./schemas";
import { byOperator } from "./tenant";

/** Who the invitation email says invited the first Admin. */
const INVITER = "The Roster operator";

export type CreatedByOperator = { tenantId: string; name: string; plan: Plan; adminEmail: string; adminName: string; invitationLink: string };

/**
 * `tenant create`: the tenant, its root org, default grants and its first Admin as a pending
 * invitation, one transaction; the invitation goes out through the outbox and its link is
 * returned for the operator to hand over too.
 */
export async function createTenant(db: Db, input: z.output<typeof createTenantSchema>, now = new Date()): Promise<CreatedByOperator> {
  // An email's local part is a name good enough until the Admin sets theirs.
  const adminName = input.adminName ?? input.adminEmail.split("@")[0]!.slice(0, 60);
  return inTransaction(db, async (tx) => {
    const created = await createTenantWithAdmin(tx, { name: input.name, plan: input.plan, admin: { email: input.adminEmail, name: adminName, passwordHash: null }, now });
    const token = await issueToken(tx, { tenantId: created.tenantId, userId: created.adminId, kind: "invitation", now });
    const timeZone = (await orgTimeZones(tx, [created.root.id]))(created.root.id);
    await enqueueEmail(tx, created.tenantId, invitationEmail({ to: input.adminEmail, name: adminName, inviter: INVITER, orgName: input.name, token, expires: { at: tokenExpiresAt("invitation", now), timeZone } }));
    await writeAudit(tx, { ...byOperator({ id: created.tenantId, name: input.name }), action: "tenant_created", after: { name: input.name, plan: input.plan, admin: input.adminEmail } });
    return { tenantId: created.tenantId, name: input.name, plan: input.plan, adminEmail: input.adminEmail, adminName, invitationLink: invitationLink(token) };
  });
}
