import "server-only";
import type { Db, Tx } from "@/db/client";
import { writeAuditMany, type AuditEntry } from "@/lib/audit/write";
import { auditBy, type Actor } from "@/lib/commands/actor";
import type { BulkResult, Skipped } from "@/lib/commands/bulk";
import { assertAllowed } from "@/lib/commands/authorize";
import { inTransaction, lockOrgs } from "@/lib/commands/transaction";
import { DomainError, NOT_FOUND_MESSAGE, fromPolicy } from "@/lib/errors";
import { orgTarget } from "@/lib/orgs/target";
import { authorize, holdsPermission, type Action, type ActionContext } from "@/lib/policy";
import { selectedUserIds, type UserSelection } from "../selection";
import { activeAdminCounts, keepAdmins, loadUsersInView, toUserTarget, type ScopedUser } from "../targets";

export type UserCommand = {
  action: Action;
  /**
   * Rows the change reads, locked before the users are: the lock order of commands that lock
   * those rows first and the users after (a location's delete), so the two wait, not deadlock.
   */
  prepare?: (tx: Tx) => Promise<void>;
  ctx?: (user: ScopedUser) => ActionContext;
  /** Whether the change takes this user out of their org's active Admins (demote, suspend, delete, move). */
  removesAdmin?: (user: ScopedUser) => boolean;
  /** Extra per-row rules the policy cannot know (e.g. a sixth tag); a string refuses the row. */
  refuse?: (tx: Tx, users: ScopedUser[]) => Promise<Map<string, Pick<Skipped, "code" | "refusal" | "reason">>>;
  /** The change itself, one set-based statement per step for all allowed users. */
  apply: (tx: Tx, users: ScopedUser[]) => Promise<void>;
  audit: (user: ScopedUser) => Pick<AuditEntry, "action" | "before" | "after">;
};

/**
 * Before any user is looked up: the viewer may see this org's users and holds the action's
 * permission here. Without this, a viewer with neither would get every user they named or
 * matched back as a refusal with its name — a directory for someone who may not open the users
 * page (security.md A1, A2).
 */
export function assertMayActOnUsers(actor: Actor, action: Action): void {
  assertAllowed(actor.policy, "users.view", orgTarget(actor));
  const held = holdsPermission(actor.policy, action);
  if (!held.ok) throw fromPolicy(held);
}

/**
 * The skeleton of every command on existing users: check the viewer may act on users at all,
 * resolve the selection, re-scope the ids in SQL (a foreign id is "not found"), lock the rows in
 * id order, ask the policy about each, keep every org's last Admin, apply what may be applied,
 * write one audit row per user — one transaction.
 */
export async function runOnUsers(db: Db, actor: Actor, selection: UserSelection, command: UserCommand): Promise<BulkResult> {
  assertMayActOnUsers(actor, command.action);
  const ids = await selectedUserIds(db, actor, selection);
  return inTransaction(db, async (tx) => {
    await command.prepare?.(tx);
    const found = await loadUsersInView(tx, actor, ids, { lock: true });
    const byId = new Map(found.map((u) => [u.id, u]));
    const unknown = (id: string): Skipped => ({ id, name: "Unknown user", reason: NOT_FOUND_MESSAGE, code: "NOT_FOUND", refusal: "NOT_FOUND" });
    const skipped: Skipped[] = ids.filter((id) => !byId.has(id)).map(unknown);

    let allowed: ScopedUser[] = [];
    for (const user of found) {
      const decision = authorize(actor.policy, command.action, toUserTarget(user), command.ctx?.(user));
      if (decision.ok) allowed.push(user);
      // Out of view for the policy (e.g. below the org without "switch to sub-organizations"):
      // reported exactly like an unknown id, never with the person's name (security.md A2).
      else if (decision.code === "NOT_FOUND") skipped.push(unknown(user.id));
      else skipped.push({ id: user.id, name: user.name, reason: decision.reason, code: decision.code, refusal: decision.refusal });
    }

    if (command.refuse && allowed.length) {
      const refused = await command.refuse(tx, allowed);
      for (const [id, why] of refused) skipped.push({ id, name: byId.get(id)!.name, ...why });
      allowed = allowed.filter((u) => !refused.has(u.id));
    }

    if (command.removesAdmin && allowed.length) {
      const orgIds = [...new Set(allowed.map((u) => u.org.id))];
      await lockOrgs(tx, orgIds);
      const refused = keepAdmins(allowed, await activeAdminCounts(tx, actor.viewer.tenant.id, orgIds), command.removesAdmin);
      for (const [id, reason] of refused) skipped.push({ id, name: byId.get(id)!.name, reason, code: "CONFLICT", refusal: "LAST_ADMIN" });
      allowed = allowed.filter((u) => !refused.has(u.id));
    }

    if (allowed.length) await command.apply(tx, allowed);
    const by = auditBy(actor);
    await writeAuditMany(
      tx,
      // Spelled out: spreading `by` and overriding its orgId sent V8 down a slow path, which a
      // 10,000-user command felt.
      allowed.map((user): AuditEntry => {
        const { action, before, after } = command.audit(user);
        return { tenantId: by.tenantId, actorId: by.actorId, actorEmail: by.actorEmail, ip: by.ip, requestId: by.requestId, orgId: user.org.id, targetType: "user", targetId: user.id, targetLabel: user.email, action, before, after };
      }),
    );
    return { done: allowed.map((u) => u.id), skipped };
  });
}

/** For single-target commands: the one refusal becomes the error. */
export function single(result: BulkResult): void {
  const [refusal] = result.skipped;
  if (refusal) throw new DomainError(refusal.code, refusal.reason, { refusal: refusal.refusal });
}
