import "server-only";
import { sql, type AnyColumn, type SQL } from "drizzle-orm";
import { tenants } from "@/db/schema";

/**
 * The tenant in `tenantId` is not suspended by the operator. While it is, its people cannot log
 * in, its emailed links do not work and anything public about it answers as if it did not exist.
 */
export function tenantIsLive(tenantId: AnyColumn | SQL): SQL {
  return sql`NOT EXISTS (SELECT 1 FROM ${tenants} WHERE ${tenants.id} = ${tenantId} AND ${tenants.suspendedAt} IS NOT NULL)`;
}
