// Builds the actor a command runs as, straight from the database (no HTTP session needed):
// the same Viewer that loadViewer would return, then the org context of `orgId`.
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { organizations, users } from "@/db/schema";
import { viewerFrom, viewerRow, type Viewer } from "@/lib/auth/session-check";
import { actorIn, type Actor } from "@/lib/commands/actor";

export async function viewerFor(db: Db, email: string): Promise<Viewer> {
  const row = await viewerRow(db, eq(users.email, email));
  if (!row) throw new Error(`no user ${email}`);
  return viewerFrom(row, "00000000-0000-4000-8000-000000000000");
}

/** `email` acting in `orgId` (default: their own org). */
export async function actorFor(db: Db, email: string, orgId?: string): Promise<Actor> {
  const viewer = await viewerFor(db, email);
  return actorIn(db, viewer, orgId ?? viewer.org.id, { ip: "127.0.0.1", requestId: "test" });
}

export async function orgIdByName(db: Db, name: string): Promise<string> {
  const [org] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.name, name));
  if (!org) throw new Error(`no org ${name}`);
  return org.id;
}
