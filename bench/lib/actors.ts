// The bench admin as a command actor, straight from the database (as tests/helpers/actors.ts
// does): the same Viewer the session would load, then the org context of the org in the URL.
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { organizations, tenants, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/session-check";
import { actorIn, type Actor } from "@/lib/commands/actor";

export async function viewerFor(db: Db, email: string): Promise<Viewer> {
  const [row] = await db
    .select({ user: users, org: organizations, tenant: tenants })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.orgId))
    .innerJoin(tenants, eq(tenants.id, users.tenantId))
    .where(eq(users.email, email));
  if (!row) throw new Error(`no user ${email}`);
  const { user, org, tenant } = row;
  return {
    sessionId: "00000000-0000-4000-8000-000000000000",
    userId: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    type: user.type,
    developerMode: user.developerMode,
    tenant: { id: tenant.id, name: tenant.name, plan: tenant.plan },
    org: { id: org.id, tenantId: org.tenantId, path: org.path, depth: org.depth, name: org.name, timezone: org.timezone },
  };
}

export async function actorAt(db: Db, email: string, orgId: string): Promise<Actor> {
  return actorIn(db, await viewerFor(db, email), orgId, { ip: "127.0.0.1", requestId: "bench" });
}
