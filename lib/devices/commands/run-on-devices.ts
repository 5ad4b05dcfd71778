import "server-only";
import type { Db, Tx } from "@/db/client";
import { writeAuditMany, type AuditEntry } from "@/lib/audit/write";
import { auditBy, type Actor } from "@/lib/commands/actor";
import { assertAllowed } from "@/lib/commands/authorize";
import type { BulkResult, Skipped } from "@/lib/commands/bulk";
import { inTransaction } from "@/lib/commands/transaction";
import { NOT_FOUND_MESSAGE, fromPolicy } from "@/lib/errors";
import { orgTarget } from "@/lib/orgs/target";
import { authorize, can, holdsPermission, type Action } from "@/lib/policy";
import { devicesInView, type ScopedDevice } from "../target";

export type DeviceCommand = {
  action: Action;
  /** What must be locked before the devices are (a location a delete would lock first), so the two cannot deadlock. */
  prepare?: (tx: Tx) => Promise<void>;
  /** Per-row rules the policy cannot know (a sixth tag), asked with the rows locked; an entry refuses the row. */
  refuse?: (tx: Tx, devices: ScopedDevice[]) => Promise<Map<string, Pick<Skipped, "code" | "refusal" | "reason">>>;
  /** The change itself, one set-based statement per step for all allowed devices. */
  apply: (tx: Tx, devices: ScopedDevice[]) => Promise<void>;
  audit: (device: ScopedDevice) => Pick<AuditEntry, "action" | "before" | "after">;
};

/**
 * The skeleton of every command on many devices, like runOnUsers: the viewer may see devices
 * here and holds the action's permission (else one refusal, before any id is looked up); the ids
 * are re-scoped in SQL and locked in id order; each is asked of the policy; a device the viewer
 * may not see reads exactly like an unknown id, never by its name; one audit row per device
 * changed — one transaction. Acts on the ids given and nothing else.
 */
export async function runOnDevices(db: Db, actor: Actor, ids: readonly string[], command: DeviceCommand): Promise<BulkResult> {
  assertAllowed(actor.policy, "devices.view", orgTarget(actor));
  const held = holdsPermission(actor.policy, command.action);
  if (!held.ok) throw fromPolicy(held);
  return inTransaction(db, async (tx) => {
    await command.prepare?.(tx);
    const found = await devicesInView(tx, actor, ids, { lock: true });
    const seen = new Set(found.map((d) => d.device.id));
    const unknown = (id: string): Skipped => ({ id, name: "Unknown device", reason: NOT_FOUND_MESSAGE, code: "NOT_FOUND", refusal: "NOT_FOUND" });
    const skipped: Skipped[] = ids.filter((id) => !seen.has(id)).map(unknown);
    let allowed: ScopedDevice[] = [];
    for (const scoped of found) {
      // An own-devices viewer does not see their colleagues' devices: those are unknown ids to them.
      if (!can(actor.policy, "devices.view", scoped.target)) {
        skipped.push(unknown(scoped.device.id));
        continue;
      }
      const decision = authorize(actor.policy, command.action, scoped.target);
      if (decision.ok) allowed.push(scoped);
      else if (decision.code === "NOT_FOUND") skipped.push(unknown(scoped.device.id));
      else skipped.push({ id: scoped.device.id, name: scoped.device.name, reason: decision.reason, code: decision.code, refusal: decision.refusal });
    }
    if (command.refuse && allowed.length) {
      const refused = await command.refuse(tx, allowed);
      for (const d of allowed) {
        const why = refused.get(d.device.id);
        if (why) skipped.push({ id: d.device.id, name: d.device.name, ...why });
      }
      allowed = allowed.filter((d) => !refused.has(d.device.id));
    }
    if (allowed.length) await command.apply(tx, allowed);
    const by = auditBy(actor);
    await writeAuditMany(
      tx,
      allowed.map((scoped): AuditEntry => ({ ...by, orgId: scoped.org.id, targetType: "device", targetId: scoped.device.id, targetLabel: scoped.device.name, ...command.audit(scoped) })),
    );
    return { done: allowed.map((d) => d.device.id), skipped };
  });
}
