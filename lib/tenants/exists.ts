import "server-only";
import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { tenants } from "@/db/schema";

/** Whether any tenant exists: an empty install shows its first-run page instead of a login. */
export async function hasAnyTenant(db: Executor): Promise<boolean> {
  const [row] = await db.select({ one: sql<number>`1` }).from(tenants).limit(1);
  return !!row;
}
