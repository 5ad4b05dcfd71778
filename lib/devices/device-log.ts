import "server-only";
import { and, asc, eq, gt, gte, lt } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { auditLog, devices, organizations, users } from "@/db/schema";
import { auditContext } from "@/lib/audit/context";
import { describeAudit } from "@/lib/audit/describe";
import { AUDIT_RECORD_COLUMNS } from "@/lib/audit/record-columns";
import { viewerFrom, viewerRow } from "@/lib/auth/session-check";
import { resolveActor, type Actor } from "@/lib/commands/actor";
import { isoInTimeZone } from "@/lib/format/iso-offset";
import { pathAtOrBelow } from "@/lib/orgs/subtree-sql";
import { can, may } from "@/lib/policy";
import { neutralizeFormula } from "@/lib/users/export";
import { loadUsersInView, toUserTarget } from "@/lib/users/targets";

/** What a queued device log names (outbox.attachment): who asked, in which org, about whom, which period. */
export const deviceLogSpecSchema = z.strictObject({
  kind: z.literal("device_log"),
  tenantId: z.uuid(),
  orgId: z.uuid(),
  actorId: z.uuid(),
  targetUserId: z.uuid(),
  days: z.number().int().positive(),
  since: z.iso.datetime(),
  until: z.iso.datetime(),
});
export type DeviceLogSpec = z.output<typeof deviceLogSpecSchema>;

export type DeviceLog = { columns: string[]; rows: AsyncGenerator<string[]> };

/** No request carries this session: the sender is re-read from the database, as a request would be. */
const NO_SESSION = "00000000-0000-0000-0000-000000000000";
const PAGE = 500;

/**
 * The sender as they are now, acting in the org they asked from: null once they are gone,
 * suspended, their tenant suspended, or the org out of their reach.
 */
async function senderNow(db: Db, spec: DeviceLogSpec): Promise<Actor | null> {
  const row = await viewerRow(db, and(eq(users.id, spec.actorId), eq(users.tenantId, spec.tenantId))!);
  if (!row || row.user.suspendedAt || !row.user.acceptedAt || row.tenant.suspendedAt) return null;
  return resolveActor(db, viewerFrom(row, NO_SESSION), spec.orgId);
}

const columnsIn = (timeZone: string) => [`Time (${timeZone})`, "Device", "Action", "By", "Details"];

async function* nothing(): AsyncGenerator<string[]> {}

/**
 * The log as it is when the mail goes out: the audit entries of the period about devices the
 * target owns now, limited to the devices the sender may still see from the org they asked in
 * (that org, and its sub-orgs when they may switch to them), and only while the sender may still
 * send this target's log. A sender who lost that gets the header alone: a mail queued an hour
 * ago must not outlive a demotion. Times in the target's org time zone (no viewer reads a file).
 * Read a page at a time, in the log's order, so memory stays flat.
 */
export async function openDeviceLog(db: Db, spec: DeviceLogSpec): Promise<DeviceLog> {
  const sender = await senderNow(db, spec);
  const [target] = sender ? await loadUsersInView(db, sender, [spec.targetUserId]) : [];
  if (!sender || !target || !can(sender.policy, "users.send_device_log", toUserTarget(target))) return { columns: columnsIn("UTC"), rows: nothing() };
  const [zone] = await db.select({ timeZone: organizations.timezone }).from(organizations).where(eq(organizations.id, target.org.id));
  const timeZone = zone?.timeZone ?? "UTC";
  const context = await auditContext(db, spec.tenantId, timeZone);
  const inSight = may(sender.policy, "orgs.switch") ? pathAtOrBelow(organizations.path, sender.org.path) : eq(devices.orgId, sender.org.id);
  const where = and(
    eq(auditLog.tenantId, spec.tenantId),
    eq(auditLog.targetType, "device"),
    eq(devices.ownerId, target.id),
    inSight,
    gte(auditLog.createdAt, new Date(spec.since)),
    lt(auditLog.createdAt, new Date(spec.until)),
  );

  async function* rows(): AsyncGenerator<string[]> {
    for (let after = 0; ; ) {
      const page = await db
        .select({
          id: auditLog.id,
          createdAt: auditLog.createdAt,
          device: devices.name,
          ...AUDIT_RECORD_COLUMNS,
        })
        .from(auditLog)
        .innerJoin(devices, and(eq(devices.id, auditLog.targetId), eq(devices.tenantId, spec.tenantId)))
        .innerJoin(organizations, and(eq(organizations.id, devices.orgId), eq(organizations.tenantId, spec.tenantId)))
        .where(and(where, gt(auditLog.id, after)))
        .orderBy(asc(auditLog.id))
        .limit(PAGE);
      for (const r of page) {
        const d = describeAudit(r, context);
        yield [isoInTimeZone(r.createdAt, timeZone), r.device, d.what, d.whoEmail ? `${d.who} <${d.whoEmail}>` : d.who, d.changes.join(". ")].map(neutralizeFormula);
      }
      if (page.length < PAGE) return;
      after = page[page.length - 1]!.id;
    }
  }
  return { columns: columnsIn(timeZone), rows: rows() };
}
