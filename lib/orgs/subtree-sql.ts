import "server-only";
import { and, eq, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { organizations } from "@/db/schema";
import { escapeLike } from "@/lib/sql/like";

/**
 * "This org or below it", on any expression holding an org's materialized path: the one spelling
 * of the subtree condition. Paths end in "/", so a prefix never matches a sibling's longer id.
 * The caller scopes it to a tenant (orgsAtOrBelow does both).
 */
export function pathAtOrBelow(pathColumn: AnyColumn | SQL, path: string): SQL {
  return sql`${pathColumn} LIKE ${`${escapeLike(path)}%`}`;
}

/**
 * The tenant's orgs at or below the org whose materialized path is `path`: one range scan of the
 * (tenant_id, path) index. Paths end in "/", so a prefix never matches a sibling's longer id.
 */
export function orgsAtOrBelow(tenantId: string, path: string): SQL {
  return and(eq(organizations.tenantId, tenantId), pathAtOrBelow(organizations.path, path))!;
}
