import "server-only";
import { inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { organizations } from "@/db/schema";

/** The orgs' time zones, for what is written with no viewer present (emails); an org not found reads as UTC. */
export async function orgTimeZones(db: Executor, orgIds: readonly string[]): Promise<(orgId: string) => string> {
  const rows = orgIds.length ? await db.select({ id: organizations.id, timezone: organizations.timezone }).from(organizations).where(inArray(organizations.id, [...new Set(orgIds)])) : [];
  const zones = new Map(rows.map((r) => [r.id, r.timezone]));
  return (orgId) => zones.get(orgId) ?? "UTC";
}
