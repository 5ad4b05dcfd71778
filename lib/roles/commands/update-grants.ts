import "server-only";
import type { z } from "zod";
import { assertAllowed } from "@/lib/commands/authorize";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { roleGrants, roles } from "@/db/schema";
import { writeAuditMany, type AuditEntry } from "@/lib/audit/write";
import { auditBy, type Actor } from "@/lib/commands/actor";
import { inTransaction, lockOrgs } from "@/lib/commands/transaction";
import { DomainError } from "@/lib/errors";
import { loadGrants } from "@/lib/orgs/resolve";
import { isAdminRole, withDependencies, type Permission } from "@/lib/policy";
import { pushTargets } from "../push-reach";
import { updateGrantsSchema } from "../schemas";

async function setGrants(tx: Tx, tenantId: string, orgIds: string[], roleId: string, add: Permission[], remove: Permission[]) {
  if (orgIds.length === 0) return;
  if (remove.length) await tx.delete(roleGrants).where(and(inArray(roleGrants.orgId, orgIds), eq(roleGrants.roleId, roleId), inArray(roleGrants.permission, remove)));
  if (add.length) {
    await tx
      .insert(roleGrants)
      .values(orgIds.flatMap((orgId) => add.map((permission) => ({ tenantId, orgId, roleId, permission }))))
      .onConflictDoNothing();
  }
}

/**
 * Edits what roles may do in the current org (roles.edit; pro and business only), with the
 * dependencies enforced, optionally pushed to every sub-org (only what changed, or overwriting
 * theirs). One transaction; the affected users feel it on their next request, since every
 * request reloads grants.
 */
export async function updateGrants(db: Db, actor: Actor, input: z.output<typeof updateGrantsSchema>): Promise<{ changed: number }> {
  const tenantId = actor.viewer.tenant.id;
  assertAllowed(actor.policy, "roles.edit", { kind: "tenant", tenantId });
  return inTransaction(db, async (tx) => {
    await lockOrgs(tx, [actor.org.id]);
    const subOrgs = input.propagate === "none" ? [] : await pushTargets(tx, actor);
    const audits: AuditEntry[] = [];
    let changed = 0;
    for (const edit of input.roles) {
      const [role] = await tx.select().from(roles).where(and(eq(roles.tenantId, tenantId), eq(roles.key, edit.role)));
      if (!role) throw new DomainError("NOT_FOUND", "Not found");
      const next = new Set(withDependencies(edit.grants));
      // Without this an Admin could take the Roles page away from every Admin, for good.
      if (isAdminRole(role.key) && !next.has("roles.edit")) throw new DomainError("CONFLICT", "Admins must keep “Edit roles and permissions”, or nobody could change roles again.", { refusal: "ADMINS_KEEP_ROLES_EDIT" });
      const current = await loadGrants(tx, tenantId, actor.org.id, role.key);
      const add = [...next].filter((p) => !current.has(p));
      const remove = [...current].filter((p) => !next.has(p));
      await setGrants(tx, tenantId, [actor.org.id], role.id, add, remove);
      if (input.propagate === "changed") await setGrants(tx, tenantId, subOrgs, role.id, add, remove);
      if (input.propagate === "overwrite" && subOrgs.length) {
        await tx.delete(roleGrants).where(and(inArray(roleGrants.orgId, subOrgs), eq(roleGrants.roleId, role.id)));
        await setGrants(tx, tenantId, subOrgs, role.id, [...next], []);
      }
      if (add.length || remove.length || input.propagate === "overwrite") {
        changed++;
        audits.push({
          ...auditBy(actor),
          action: "role_grants_changed",
          targetType: "role",
          targetLabel: role.name,
          before: { grants: [...current].sort() },
          after: { grants: [...next].sort(), added: add, removed: remove, propagate: input.propagate, subOrgs: subOrgs.length },
        });
      }
    }
    await writeAuditMany(tx, audits);
    return { changed };
  });
}

/** Members per role in the current org (the Roles page's column headers). */
export async function roleMemberCounts(db: Db, tenantId: string, orgId: string): Promise<Map<string, number>> {
  const rows = await db.execute<{ role: string; n: number }>(sql`SELECT role, count(*)::int AS n FROM users WHERE tenant_id = ${tenantId} AND org_id = ${orgId} GROUP BY role`);
  return new Map(rows.rows.map((r) => [r.role, r.n]));
}
