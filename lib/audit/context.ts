import "server-only";
import type { Executor } from "@/db/client";
import { roleLabel } from "@/lib/orgs/labels";
import { tenantRoles } from "@/lib/users/page-data";
import type { AuditContext } from "./describe";

/**
 * What the audit formatter needs to know of a tenant: its roles' names (a custom role deleted
 * since reads as its key, made readable) and the time zone dates are told in.
 */
export async function auditContext(db: Executor, tenantId: string, timeZone: string): Promise<AuditContext> {
  const names = new Map((await tenantRoles(db, tenantId)).map((r) => [r.key, r.name]));
  const readable = (key: string) => key.replaceAll("_", " ").replace(/^\w/, (c) => c.toUpperCase());
  return { timeZone, roleName: (key) => names.get(key) ?? (roleLabel(key) !== key ? roleLabel(key) : readable(key)) };
}
