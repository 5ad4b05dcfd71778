import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { devices, organizations, users } from "@/db/schema";

export async function userByEmail(db: Db, email: string) {
  const [user] = await db.select().from(users).where(eq(users.email, email));
  if (!user) throw new Error(`demo user ${email} missing`);
  return user;
}

/** The device of that name in that org (two orgs have a "Thermostat"). */
export async function deviceByName(db: Db, name: string, orgName: string) {
  const [row] = await db
    .select({ device: devices })
    .from(devices)
    .innerJoin(organizations, eq(organizations.id, devices.orgId))
    .where(and(eq(devices.name, name), eq(organizations.name, orgName)));
  if (!row) throw new Error(`no device ${name} in ${orgName}`);
  return row.device;
}
