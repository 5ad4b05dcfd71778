import "server-only";
import type { z } from "zod";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { organizations, tenants } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write";
import { auditBy, type Actor } from "@/lib/commands/actor";
import { assertAllowed } from "@/lib/commands/authorize";
import { inTransaction, pgCode } from "@/lib/commands/transaction";
import { notFound } from "@/lib/errors";
import { orgInView } from "@/lib/orgs/target";
import type { orgSettingsSchema } from "../schemas";
import { nameTaken } from "./create";

/**
 * Settings → Organization (org.settings): the name, description and time zone of the org being
 * shown, the root included. Only this org changes — not its parent, not its sub-orgs (a new
 * sub-org copies the zone when it is created). users.org_name follows a rename by trigger; a
 * renamed root renames its tenant too, which sign-up, the join page and the operator name by it.
 */
export async function editOrgSettings(db: Db, actor: Actor, input: z.output<typeof orgSettingsSchema>): Promise<void> {
  // Decided by the shown org's grants: only that org's settings are edited from there.
  if (input.orgId !== actor.org.id) throw notFound();
  const tenantId = actor.viewer.tenant.id;
  await inTransaction(db, async (tx) => {
    const org = await orgInView(tx, actor, input.orgId);
    assertAllowed(actor.policy, "org.settings", org.target);
    // Locked, so "before" in the audit row is what this change replaced.
    const [current] = await tx
      .select({ name: organizations.name, description: organizations.description, timezone: organizations.timezone })
      .from(organizations)
      .where(and(eq(organizations.id, org.id), eq(organizations.tenantId, tenantId)))
      .for("update");
    if (!current) throw notFound();
    const after = { name: input.name, description: input.description, timezone: input.timezone };
    if (JSON.stringify(current) === JSON.stringify(after)) return;

    await tx
      .update(organizations)
      .set(after)
      .where(eq(organizations.id, org.id))
      .catch((error: unknown) => {
        throw pgCode(error) === "23505" ? nameTaken(input.name) : error;
      });
    if (org.parentId === null && current.name !== input.name) await tx.update(tenants).set({ name: input.name }).where(eq(tenants.id, tenantId));
    await writeAudit(tx, { ...auditBy(actor), orgId: org.id, action: "org_settings_changed", targetType: "org", targetId: org.id, targetLabel: input.name, before: current, after });
  });
}
