import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { auditLog, deviceTags, locations, organizations, tags, users } from "@/db/schema";
import { OPERATOR_ACTOR } from "@/lib/audit/actions";
import type { AuditRecord } from "@/lib/audit/describe";
import type { Actor } from "@/lib/commands/actor";
import { assertAllowed } from "@/lib/commands/authorize";
import { notFound } from "@/lib/errors";
import { may, type OrgRef } from "@/lib/policy";
import type { TagColor } from "@/lib/tags/schemas";
import type { TagRef } from "@/lib/tags/target";
import { devicesInView, type ScopedDevice } from "./target";

export type DeviceDetails = {
  id: string;
  name: string;
  model: string;
  createdAt: Date;
  org: { id: string; name: string };
  /** With the owner's org, so a page can tell whether the viewer may open their profile. */
  owner: { id: string; name: string; org: OrgRef } | null;
  location: { id: string; name: string; address: string } | null;
  tags: TagRef[];
};

/** A device the actor may see (devices.view: any of the org's, or one they own), else the policy's refusal; out of view is "not found". */
async function visibleDevice(db: Executor, actor: Actor, deviceId: string): Promise<ScopedDevice> {
  const [scoped] = await devicesInView(db, actor, [deviceId]);
  if (!scoped) throw notFound();
  assertAllowed(actor.policy, "devices.view", scoped.target);
  return scoped;
}

/** One device for its profile page: what it is, where it sits, who owns it, its tags. */
export async function deviceDetails(db: Executor, actor: Actor, deviceId: string): Promise<DeviceDetails & { scoped: ScopedDevice }> {
  const scoped = await visibleDevice(db, actor, deviceId);
  const { device, org } = scoped;
  const tenantId = actor.viewer.tenant.id;
  const [owner, location, tagRows] = await Promise.all([
    device.ownerId
      ? db
          .select({ id: users.id, name: users.name, org: { id: organizations.id, tenantId: organizations.tenantId, path: organizations.path, depth: organizations.depth, name: organizations.name } })
          .from(users)
          .innerJoin(organizations, eq(organizations.id, users.orgId))
          .where(and(eq(users.tenantId, tenantId), eq(users.id, device.ownerId)))
      : [],
    device.locationId
      ? db.select({ id: locations.id, name: locations.name, address: locations.address }).from(locations).where(and(eq(locations.tenantId, tenantId), eq(locations.id, device.locationId)))
      : [],
    db
      .select({ id: tags.id, name: tags.name, color: tags.color })
      .from(deviceTags)
      .innerJoin(tags, eq(tags.id, deviceTags.tagId))
      .where(and(eq(deviceTags.tenantId, tenantId), eq(deviceTags.deviceId, device.id)))
      .orderBy(asc(tags.name)),
  ]);
  return {
    id: device.id,
    name: device.name,
    model: device.model,
    createdAt: device.createdAt,
    org: { id: org.id, name: org.name },
    owner: owner[0] ?? null,
    location: location[0] ?? null,
    // The column holds a palette name (lib/tags/schemas.ts checks it on the way in).
    tags: tagRows.map((t) => ({ ...t, color: t.color as TagColor })),
    scoped,
  };
}

export type DeviceLogEntry = AuditRecord & { id: number; createdAt: Date };

/** Entries per page of a device's actions log. */
export const DEVICE_LOG_PAGE = 25;

/**
 * What was done to a device (audit rows whose target it is), newest first, a page at a time
 * after the entry `before` — keyset on the target index (audit_log_target_idx). Whoever may see
 * the device may read what happened to it; who did it is told by name, and by email only to a
 * viewer who may see people or the audit log anyway (an end user sees "Ann Admin", not her address).
 */
export async function deviceActionLog(db: Executor, actor: Actor, deviceId: string, options: { before?: number | null; size?: number } = {}): Promise<{ entries: DeviceLogEntry[]; next: number | null }> {
  const { device } = await visibleDevice(db, actor, deviceId);
  const size = options.size ?? DEVICE_LOG_PAGE;
  const tenantId = actor.viewer.tenant.id;
  // The cursor's own time, read in SQL: a JavaScript Date would drop the microseconds that order the log.
  const after = options.before
    ? sql`AND (created_at, id) < (SELECT created_at, id FROM ${auditLog} WHERE id = ${options.before} AND tenant_id = ${tenantId} AND target_id = ${device.id})`
    : sql``;
  const result = await db.execute<Record<string, unknown>>(sql`
    SELECT id, action, actor_email, actor_name, target_label, target_name, org_name, before, after, created_at
    FROM ${auditLog}
    WHERE target_id = ${device.id} AND tenant_id = ${tenantId} AND target_type = 'device' ${after}
    ORDER BY created_at DESC, id DESC LIMIT ${size + 1}`);
  const emails = may(actor.policy, "users.view") || may(actor.policy, "audit.view");
  const entries = result.rows.slice(0, size).map((r): DeviceLogEntry => {
    const actorEmail = (r.actor_email as string | null) ?? null;
    const actorName = (r.actor_name as string | null) ?? null;
    const shown = emails || actorEmail === OPERATOR_ACTOR;
    return {
      id: Number(r.id),
      action: String(r.action),
      // Without the right to see emails, a row that kept no name says "Someone" rather than "System".
      actorEmail: shown ? actorEmail : null,
      actorName: shown ? actorName : (actorName ?? (actorEmail ? "Someone" : null)),
      targetLabel: (r.target_label as string | null) ?? null,
      targetName: (r.target_name as string | null) ?? null,
      orgName: (r.org_name as string | null) ?? null,
      before: r.before ?? null,
      after: r.after ?? null,
      createdAt: r.created_at instanceof Date ? r.created_at : new Date(String(r.created_at)),
    };
  });
  return { entries, next: result.rows.length > size ? entries[entries.length - 1]!.id : null };
}
