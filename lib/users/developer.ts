import "server-only";
import { and, eq, ne } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { users } from "@/db/schema";

/** Who else in the tenant has developer mode on (the one holder on free and plus). */
export async function otherDeveloper(db: Executor, tenantId: string, exceptUserId: string): Promise<string | null> {
  const [row] = await db
    .select({ name: users.name })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.developerMode, true), ne(users.id, exceptUserId)))
    .limit(1);
  return row?.name ?? null;
}
