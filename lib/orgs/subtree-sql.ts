import "server-only";
import { and, eq, like, type SQL } from "drizzle-orm";
import { organizations } from "@/db/schema";
import { escapeLike } from "@/lib/sql/like";

/**
 * The tenant's orgs at or below the org whose materialized path is `path`: one range scan of the
 * (tenant_id, path) index. Paths end in "/", so a prefix never matches a sibling's longer id.
 */
export function orgsAtOrBelow(tenantId: string, path: string): SQL {
  return and(eq(organizations.tenantId, tenantId), like(organizations.path, `${escapeLike(path)}%`))!;
}
