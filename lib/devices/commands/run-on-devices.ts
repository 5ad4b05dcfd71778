import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { devices, organizations } from "@/db/schema";
import { writeAuditMany, type AuditEntry } from "@/lib/audit/write";
import { auditBy, type Actor } from "@/lib/commands/actor";
import type { BulkResult, Skipped } from "@/lib/commands/bulk";
import { inTransaction } from "@/lib/commands/transaction";
import { DomainError, fromPolicy, NOT_FOUND_MESSAGE } from "@/lib/errors";
import { pathAtOrBelow } from "@/lib/orgs/subtree-sql";
import { authorize, devicesInSight, holdsPermission, PERMISSIONS, type Action, type DeviceTarget } from "@/lib/policy";
import { isAnyOf } from "@/lib/sql/any-of";

/** A device row as bulk commands need it, proven to be in the actor's view. */
export type ScopedDevice = { id: string; name: string; orgId: string; target: DeviceTarget };

export type DeviceCommand = {
  action: Action;
  /** Per-row rules the policy cannot know (a sixth tag); an entry refuses the row. */
  refuse?: (tx: Tx, devices: ScopedDevice[]) => Promise<Map<string, Pick<Skipped, "code" | "refusal" | "reason">>>;
  /** The change itself, set-based, for every allowed device. */
  apply: (tx: Tx, devices: ScopedDevice[]) => Promise<void>;
  audit: (device: ScopedDevice) => Pick<AuditEntry, "action" | "before" | "after">;
};

/**
 * The skeleton of a command on many devices, like runOnUsers: the viewer sees devices and holds
 * the action's permission, the ids are re-scoped in SQL to the devices they see (the org shown
 * and below; only their own with "view own devices"), locked in id order, asked of the policy one
 * by one, changed, and audited one row per device — one transaction.
 */
export async function runOnDevices(db: Db, actor: Actor, ids: readonly string[], command: DeviceCommand): Promise<BulkResult> {
  const sight = devicesInSight(actor.policy);
  if (!sight) throw new DomainError("FORBIDDEN", `You need the "${PERMISSIONS["org_devices.view"].label}" permission`, { refusal: "MISSING_PERMISSION" });
  const held = holdsPermission(actor.policy, command.action);
  if (!held.ok) throw fromPolicy(held);
  const tenantId = actor.viewer.tenant.id;
  return inTransaction(db, async (tx) => {
    const rows = await tx
      .select({ id: devices.id, name: devices.name, ownerId: devices.ownerId, org: { id: organizations.id, tenantId: organizations.tenantId, path: organizations.path, depth: organizations.depth, name: organizations.name } })
      .from(devices)
      .innerJoin(organizations, eq(organizations.id, devices.orgId))
      .where(and(eq(devices.tenantId, tenantId), isAnyOf(devices.id, ids), pathAtOrBelow(organizations.path, actor.org.path), sight === "own" ? eq(devices.ownerId, actor.viewer.userId) : sql`TRUE`))
      .orderBy(asc(devices.id))
      .for("update", { of: devices });
    const found = new Map(rows.map((r) => [r.id, r]));
    const unknown = (id: string): Skipped => ({ id, name: "Unknown device", reason: NOT_FOUND_MESSAGE, code: "NOT_FOUND", refusal: "NOT_FOUND" });
    const skipped: Skipped[] = ids.filter((id) => !found.has(id)).map(unknown);

    let allowed: ScopedDevice[] = [];
    for (const r of rows) {
      const target: DeviceTarget = { kind: "device", id: r.id, tenantId, org: r.org, ownerId: r.ownerId };
      const decision = authorize(actor.policy, command.action, target);
      if (decision.ok) allowed.push({ id: r.id, name: r.name, orgId: r.org.id, target });
      else if (decision.code === "NOT_FOUND") skipped.push(unknown(r.id));
      else skipped.push({ id: r.id, name: r.name, reason: decision.reason, code: decision.code, refusal: decision.refusal });
    }
    if (command.refuse && allowed.length) {
      const refused = await command.refuse(tx, allowed);
      for (const [id, why] of refused) skipped.push({ id, name: found.get(id)!.name, ...why });
      allowed = allowed.filter((d) => !refused.has(d.id));
    }
    if (allowed.length) await command.apply(tx, allowed);
    const by = auditBy(actor);
    await writeAuditMany(
      tx,
      allowed.map((d): AuditEntry => ({ ...by, orgId: d.orgId, targetType: "device", targetId: d.id, targetLabel: d.name, ...command.audit(d) })),
    );
    return { done: allowed.map((d) => d.id), skipped };
  });
}
