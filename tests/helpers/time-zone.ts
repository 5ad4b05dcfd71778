import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { organizations } from "@/db/schema";

/** Puts an org in a time zone with summer time, so exports show which offset they used. */
export async function setOrgTimeZone(db: Db, orgName: string, timeZone: string): Promise<void> {
  await db.update(organizations).set({ timezone: timeZone }).where(eq(organizations.name, orgName));
}
