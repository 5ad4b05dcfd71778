import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { getActorFor } from "@/lib/orgs/context";
import { loadGrants } from "@/lib/orgs/resolve";
import { authorize, may, PERMISSION_GROUPS, PERMISSIONS, planLimits, planShowsPermission } from "@/lib/policy";
import { roleMemberCounts } from "@/lib/roles/commands/update-grants";
import { pushReach } from "@/lib/roles/push-reach";
import { tenantRoles } from "@/lib/users/page-data";
import { RolesView } from "./_components/roles-view";

export const metadata: Metadata = { title: "Roles and permissions" };

export default async function RolesPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const actor = await getActorFor(orgId, "roles");
  const db = await getDb();
  const tenantId = actor.viewer.tenant.id;
  const roles = await tenantRoles(db, tenantId);
  const [counts, grants] = await Promise.all([
    roleMemberCounts(db, tenantId, actor.org.id),
    Promise.all(roles.map(async (r) => [r.key, [...(await loadGrants(db, tenantId, actor.org.id, r.key))]] as const)),
  ]);
  const edit = authorize(actor.policy, "roles.edit", { kind: "tenant", tenantId });
  const limits = planLimits(actor.viewer.tenant.plan);
  const hasSubOrgs = may(actor.policy, "orgs.switch");
  const subOrgCount = edit.ok && hasSubOrgs ? await pushReach(db, actor) : 0;

  return (
    <RolesView
      orgId={actor.org.id}
      orgName={actor.org.name}
      roles={roles.map((r) => ({ ...r, members: counts.get(r.key) ?? 0, grants: new Map(grants).get(r.key) ?? [] }))}
      groups={PERMISSION_GROUPS.map((g) => ({ label: g.label, permissions: g.keys.filter((k) => planShowsPermission(limits, k)).map((k) => ({ key: k, label: PERMISSIONS[k].label, description: PERMISSIONS[k].description })) }))}
      canEdit={edit.ok}
      lockedReason={!edit.ok && !limits.permissionsEditable ? edit.reason : null}
      canPropagate={hasSubOrgs && subOrgCount > 0}
      subOrgCount={subOrgCount}
      canManageRoles={edit.ok && limits.customRoles > 0}
      maxRoles={limits.customRoles}
    />
  );
}
