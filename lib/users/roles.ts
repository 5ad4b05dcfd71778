import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { roles } from "@/db/schema";
import { DomainError } from "@/lib/errors";

/** A role key named by a form must be one of the tenant's roles. */
export async function roleExists(db: Executor, tenantId: string, role: string): Promise<void> {
  const [row] = await db.select({ key: roles.key }).from(roles).where(and(eq(roles.tenantId, tenantId), eq(roles.key, role))).limit(1);
  if (!row) throw new DomainError("INVALID", "Choose a role.", { field: "role", refusal: "ROLE_UNKNOWN" });
}
