import "server-only";
import type { z } from "zod";
import { and, count, eq, ne, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { roles, tenants, users } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write";
import { assertAllowed } from "@/lib/commands/authorize";
import { auditBy, type Actor } from "@/lib/commands/actor";
import { inTransaction, lockTenant } from "@/lib/commands/transaction";
import { DomainError, fromPolicy } from "@/lib/errors";
import { checkRoleCount, isAdminRole, isRoleAbove } from "@/lib/policy";
import { createRoleSchema, deleteRoleSchema, renameRoleSchema } from "../schemas";

const nameClash = (name: string) => new DomainError("CONFLICT", `There is already a role named “${name}”.`, { field: "name", refusal: "ROLE_NAME_TAKEN" });

async function nameTaken(tx: Tx, tenantId: string, name: string, except?: string): Promise<boolean> {
  const [row] = await tx
    .select({ key: roles.key })
    .from(roles)
    .where(and(eq(roles.tenantId, tenantId), sql`lower(${roles.name}) = lower(${name})`, except ? ne(roles.key, except) : undefined))
    .limit(1);
  return !!row;
}

/** A custom role's key: its name in lower snake case, made unique within the tenant. */
function keyFor(name: string, taken: Set<string>): string {
  const base = `r_${name.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "").slice(0, 30) || "role"}`;
  let key = base;
  for (let i = 2; taken.has(key); i++) key = `${base}_${i}`;
  return key;
}

async function customRole(tx: Tx, tenantId: string, key: string) {
  const [role] = await tx.select().from(roles).where(and(eq(roles.tenantId, tenantId), eq(roles.key, key)));
  if (!role) throw new DomainError("NOT_FOUND", "Not found");
  if (role.builtin) throw new DomainError("FORBIDDEN", `${role.name} is a built-in role; only custom roles can be renamed or deleted.`, { refusal: "BUILTIN_ROLE" });
  return role;
}

/** Adds a custom role (business plan, at most 9 roles in all). It starts with no permissions. */
export async function createRole(db: Db, actor: Actor, input: z.output<typeof createRoleSchema>): Promise<{ key: string }> {
  const tenantId = actor.viewer.tenant.id;
  assertAllowed(actor.policy, "roles.edit", { kind: "tenant", tenantId });
  return inTransaction(db, async (tx) => {
    const limits = await lockTenant(tx, tenantId);
    const existing = await tx.select({ key: roles.key }).from(roles).where(eq(roles.tenantId, tenantId));
    const check = checkRoleCount({ plan: limits, rolesInTenant: existing.length, adding: 1 });
    if (!check.ok) throw fromPolicy(check);
    if (await nameTaken(tx, tenantId, input.name)) throw nameClash(input.name);
    const key = keyFor(input.name, new Set(existing.map((r) => r.key)));
    await tx.insert(roles).values({ tenantId, key, name: input.name, builtin: false });
    await writeAudit(tx, { ...auditBy(actor), action: "role_created", targetType: "role", targetLabel: input.name, after: { key, name: input.name } });
    return { key };
  });
}

export async function renameRole(db: Db, actor: Actor, input: z.output<typeof renameRoleSchema>): Promise<void> {
  const tenantId = actor.viewer.tenant.id;
  assertAllowed(actor.policy, "roles.edit", { kind: "tenant", tenantId });
  await inTransaction(db, async (tx) => {
    await lockTenant(tx, tenantId);
    const role = await customRole(tx, tenantId, input.role);
    if (await nameTaken(tx, tenantId, input.name, role.key)) throw nameClash(input.name);
    await tx.update(roles).set({ name: input.name }).where(eq(roles.id, role.id));
    await writeAudit(tx, { ...auditBy(actor), action: "role_renamed", targetType: "role", targetLabel: input.name, before: { name: role.name }, after: { name: input.name } });
  });
}

/** Deletes a custom role; its members (and self sign-up, if it gave it) move to the replacement role, in every org of the tenant. */
export async function deleteRole(db: Db, actor: Actor, input: z.output<typeof deleteRoleSchema>): Promise<{ moved: number }> {
  const tenantId = actor.viewer.tenant.id;
  assertAllowed(actor.policy, "roles.edit", { kind: "tenant", tenantId });
  if (input.role === input.replacement) throw new DomainError("INVALID", "Choose another role for its members.", { field: "replacement", refusal: "REPLACEMENT_ROLE" });
  return inTransaction(db, async (tx) => {
    await lockTenant(tx, tenantId);
    const role = await customRole(tx, tenantId, input.role);
    const [replacement] = await tx.select().from(roles).where(and(eq(roles.tenantId, tenantId), eq(roles.key, input.replacement)));
    if (!replacement) throw new DomainError("INVALID", "Choose another role for its members.", { field: "replacement", refusal: "REPLACEMENT_ROLE" });
    // Nobody grants more than they hold (product.md §4).
    if (isRoleAbove(replacement.key, actor.policy)) {
      throw new DomainError("FORBIDDEN", isAdminRole(replacement.key) ? "Only an Admin can make someone an Admin" : "You cannot give a role above your own", { refusal: "ROLE_ABOVE_YOURS" });
    }
    // Self sign-up's role follows the members, but strangers never become Admins that way.
    const [tenant] = await tx.select({ joinRole: tenants.joinRole }).from(tenants).where(eq(tenants.id, tenantId));
    const joinRoleMoves = tenant?.joinRole === role.key;
    if (joinRoleMoves && isAdminRole(replacement.key)) {
      throw new DomainError("FORBIDDEN", `People who sign up themselves get ${role.name}, and cannot be made Admins: choose another role for its members.`, { field: "replacement", refusal: "JOIN_ROLE_ADMIN" });
    }
    const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(users).where(and(eq(users.tenantId, tenantId), eq(users.role, role.key)));
    await tx.update(users).set({ role: replacement.key, developerMode: isAdminRole(replacement.key) ? users.developerMode : sql`false` }).where(and(eq(users.tenantId, tenantId), eq(users.role, role.key)));
    if (joinRoleMoves) await tx.update(tenants).set({ joinRole: replacement.key }).where(eq(tenants.id, tenantId));
    await tx.delete(roles).where(eq(roles.id, role.id));
    const after = { membersMovedTo: replacement.name, moved: n, ...(joinRoleMoves ? { selfSignupRole: replacement.key } : {}) };
    await writeAudit(tx, { ...auditBy(actor), action: "role_deleted", targetType: "role", targetLabel: role.name, before: { name: role.name }, after });
    return { moved: n };
  });
}
