import "server-only";
import { assertAllowed } from "@/lib/commands/authorize";
import type { Executor } from "@/db/client";
import type { Actor } from "@/lib/commands/actor";
import { loadGrants } from "@/lib/orgs/resolve";
import { PERMISSION_GROUPS, PERMISSIONS } from "@/lib/policy";
import { orgInView } from "@/lib/orgs/target";

export type RoleGrants = { orgName: string; role: string; groups: { label: string; permissions: { label: string; description: string; granted: boolean }[] }[] };

/** What `role` may do in an org of the actor's view, grouped as the catalogue groups it. */
export async function roleGrantsIn(db: Executor, actor: Actor, input: { targetOrgId: string; role: string }): Promise<RoleGrants> {
  const org = await orgInView(db, actor, input.targetOrgId);
  assertAllowed(actor.policy, "roles.view", org.target);
  const granted = await loadGrants(db, actor.viewer.tenant.id, org.id, input.role);
  return {
    orgName: org.name,
    role: input.role,
    groups: PERMISSION_GROUPS.map((g) => ({
      label: g.label,
      permissions: g.keys.map((key) => ({ label: PERMISSIONS[key].label, description: PERMISSIONS[key].description, granted: granted.has(key) })),
    })),
  };
}
