import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { organizations, roles } from "@/db/schema";
import type { Actor } from "@/lib/commands/actor";
import { orgsAtOrBelow } from "@/lib/orgs/subtree-sql";
import { can, checkKeepsAdmin, isRoleAbove, may, type Action, type OrgRef, type PolicyViewer } from "@/lib/policy";
import type { UserRow } from "./list";
import { activeAdminCounts, countsAsActiveAdmin } from "./targets";

/** The row menu's entries, in menu order; each is shown only when the policy allows it. */
const ROW_ACTIONS = [
  "users.edit",
  "tags.apply",
  "tags.remove",
  "users.change_password",
  "users.force_logout",
  "users.send_device_log",
  "users.suspend",
  "users.reactivate",
  "users.transfer",
  "users.resend_invitation",
  "users.revoke_invitation",
  "users.delete",
] as const satisfies readonly Action[];
export type RowAction = (typeof ROW_ACTIONS)[number];

/** What the viewer may do to each row, asked of the same policy the commands enforce. */
export async function rowActions(db: Executor, actor: Actor, rows: readonly UserRow[]): Promise<Record<string, RowAction[]>> {
  // The org being shown is known already; only rows from orgs below it (scope "all in reach") need a read.
  const here: OrgRef = { id: actor.org.id, tenantId: actor.org.tenantId, path: actor.org.path, depth: actor.org.depth, name: actor.org.name };
  const otherIds = [...new Set(rows.map((r) => r.orgId))].filter((id) => id !== here.id);
  const others = otherIds.length
    ? await db
        .select({ id: organizations.id, tenantId: organizations.tenantId, path: organizations.path, depth: organizations.depth, name: organizations.name })
        .from(organizations)
        .where(and(eq(organizations.tenantId, actor.viewer.tenant.id), inArray(organizations.id, otherIds)))
    : [];
  const byId = new Map<string, OrgRef>([[here.id, here], ...others.map((o): [string, OrgRef] => [o.id, o])]);
  return Object.fromEntries(rows.map((row) => [row.id, rowActionsFor(actor.policy, row, byId.get(row.orgId))]));
}

/** One row's menu: the actions the policy allows on this user in its org (none if the org is unknown). */
export function rowActionsFor(policy: PolicyViewer, row: Pick<UserRow, "id" | "role" | "pending" | "suspended">, org: OrgRef | undefined): RowAction[] {
  if (!org) return [];
  const target = {
    kind: "user" as const,
    id: row.id,
    tenantId: org.tenantId,
    org,
    role: row.role,
    // From the row's own fields, not its displayed status: a suspended invitation is both
    // (the status shows "suspended"), and the policy must see both, as the commands do.
    pending: row.pending,
    suspended: row.suspended,
    developerMode: false,
  };
  return ROW_ACTIONS.filter((action) => can(policy, action, target));
}

/** The entries that take an Admin out of their org's count (the commands' removesAdmin). */
const REMOVES_ADMIN = ["users.suspend", "users.transfer", "users.delete"] as const satisfies readonly RowAction[];

/** Entries the policy allows but a count refuses now, each with the reason to show on it. */
export type BlockedActions = Partial<Record<RowAction, string>>;

/**
 * The last-Admin rule (checkKeepsAdmin) asked up front, so the menu shows Suspend, Transfer and
 * Delete disabled with the reason instead of refusing after a confirmation. One count per org of
 * the page's active Admins; the commands still re-check under lock.
 */
export async function lastAdminBlocks(db: Executor, tenantId: string, rows: readonly UserRow[], actions: Record<string, RowAction[]>): Promise<Record<string, BlockedActions>> {
  const admins = rows.filter((r) => countsAsActiveAdmin(r) && REMOVES_ADMIN.some((a) => actions[r.id]?.includes(a)));
  const counts = await activeAdminCounts(db, tenantId, [...new Set(admins.map((r) => r.orgId))]);
  const blocked: Record<string, BlockedActions> = {};
  for (const row of admins) {
    const check = checkKeepsAdmin({ orgName: row.orgName, activeAdminsAfter: (counts.get(row.orgId) ?? 0) - 1 });
    if (!check.ok) blocked[row.id] = Object.fromEntries(REMOVES_ADMIN.filter((a) => actions[row.id]?.includes(a)).map((a) => [a, check.reason]));
  }
  return blocked;
}

export type OrgOption = { id: string; name: string; depth: number };

/** The orgs the actor may invite into or move people to: the current org and below. */
export async function orgsInView(db: Executor, actor: Actor): Promise<OrgOption[]> {
  if (!may(actor.policy, "orgs.switch")) return [{ id: actor.org.id, name: actor.org.name, depth: actor.org.depth }];
  return db
    .select({ id: organizations.id, name: organizations.name, depth: organizations.depth })
    .from(organizations)
    .where(orgsAtOrBelow(actor.viewer.tenant.id, actor.org.path))
    .orderBy(asc(organizations.path))
    .limit(2_000);
}

export type RoleOption = { key: string; name: string; builtin: boolean };

export async function tenantRoles(db: Executor, tenantId: string): Promise<RoleOption[]> {
  return db.select({ key: roles.key, name: roles.name, builtin: roles.builtin }).from(roles).where(eq(roles.tenantId, tenantId)).orderBy(asc(roles.createdAt), asc(roles.key));
}

/** The roles the viewer may give (invite, edit, change role, transfer): none above their own. */
export function grantableRoles(policy: PolicyViewer, roles: readonly RoleOption[]): RoleOption[] {
  return roles.filter((r) => !isRoleAbove(r.key, policy));
}
