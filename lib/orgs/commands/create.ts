import "server-only";
import type { z } from "zod";
import { assertAllowed } from "@/lib/commands/authorize";
import { randomUUID } from "node:crypto";
import { and, count, eq, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { organizations, roleGrants } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write";
import { auditBy, type Actor } from "@/lib/commands/actor";
import { inTransaction, lockTenant, pgCode } from "@/lib/commands/transaction";
import { DomainError, fromPolicy } from "@/lib/errors";
import { checkSubOrgCount, checkSubOrgDepth } from "@/lib/policy";
import { orgInView } from "@/lib/orgs/target";
import { invitePerson } from "@/lib/users/commands/invite";
import { createOrgSchema } from "../schemas";

export const nameTaken = (name: string) => new DomainError("CONFLICT", `An organization named “${name}” already exists at this level.`, { field: "name", refusal: "ORG_NAME_TAKEN" });

/**
 * Creates a sub-organization under `parentId`: it copies its parent's grants (product.md §3) and
 * its first Admins are invited, all in one transaction — an org never starts without an Admin.
 */
export async function createOrg(db: Db, actor: Actor, input: z.output<typeof createOrgSchema>, now = new Date()): Promise<{ orgId: string }> {
  const tenantId = actor.viewer.tenant.id;
  return inTransaction(db, async (tx) => {
    const parent = await orgInView(tx, actor, input.parentId, { share: true });
    assertAllowed(actor.policy, "orgs.create", parent.target, { orgType: input.type });
    const limits = await lockTenant(tx, tenantId);
    const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(organizations).where(and(eq(organizations.tenantId, tenantId), ne(organizations.depth, 1)));
    for (const check of [checkSubOrgDepth({ plan: limits, parentDepth: parent.depth }), checkSubOrgCount({ plan: limits, existingSubOrgs: n })]) {
      if (!check.ok) throw fromPolicy(check);
    }

    const id = randomUUID();
    await tx
      .insert(organizations)
      .values({
        id,
        tenantId,
        parentId: parent.id,
        path: `${parent.path}${id}/`,
        depth: parent.depth + 1,
        name: input.name,
        description: input.description,
        type: input.type,
        canCreateSubOrgs: input.canCreateSubOrgs,
        timezone: parent.timezone,
      })
      .catch((error: unknown) => {
        throw pgCode(error) === "23505" ? nameTaken(input.name) : error;
      });
    await tx.execute(sql`INSERT INTO ${roleGrants} (tenant_id, org_id, role_id, permission) SELECT tenant_id, ${id}, role_id, permission FROM ${roleGrants} WHERE org_id = ${parent.id}`);
    await writeAudit(tx, {
      ...auditBy(actor),
      orgId: id,
      action: "org_created",
      targetType: "org",
      targetId: id,
      targetLabel: input.name,
      after: { name: input.name, type: input.type, parent: parent.name, admins: input.admins.map((a) => a.email) },
    });
    const seen = new Set<string>();
    for (const admin of input.admins) {
      if (seen.has(admin.email)) throw new DomainError("INVALID", `${admin.email} is listed twice.`, { field: "admins", refusal: "ADMIN_LISTED_TWICE" });
      seen.add(admin.email);
      await invitePerson(tx, actor, { orgId: actor.org.id, targetOrgId: id, name: admin.name, email: admin.email, role: "admin", locationIds: [] }, now).catch((error: unknown) => {
        // Point the form at the Admin whose invitation failed.
        if (error instanceof DomainError) throw new DomainError(error.code, `${admin.email}: ${error.message}`, { field: "admins", refusal: error.refusal });
        throw error;
      });
    }
    return { orgId: id };
  });
}
