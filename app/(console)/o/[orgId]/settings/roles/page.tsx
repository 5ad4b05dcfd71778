import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { getOrgContext } from "@/lib/orgs/context";
import { orgTarget } from "@/lib/orgs/target";
import { loadGrants } from "@/lib/orgs/resolve";
import { authorize, can, may, PERMISSION_DEPENDENCIES, PERMISSION_GROUPS, PERMISSIONS, planLimits } from "@/lib/policy";
import { roleMemberCounts } from "@/lib/roles/commands/update-grants";
import { tenantRoles } from "@/lib/users/page-data";
import { RolesView } from "./_components/roles-view";

export const metadata: Metadata = { title: "Roles and permissions" };

export default async function RolesPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const ctx = await getOrgContext(orgId);
  if (!can(ctx.policy, "roles.view", orgTarget(ctx))) notFound();
  const db = await getDb();
  const tenantId = ctx.viewer.tenant.id;
  const roles = await tenantRoles(db, tenantId);
  const [counts, grants] = await Promise.all([
    roleMemberCounts(db, tenantId, ctx.org.id),
    Promise.all(roles.map(async (r) => [r.key, [...(await loadGrants(db, tenantId, ctx.org.id, r.key))]] as const)),
  ]);
  const edit = authorize(ctx.policy, "roles.edit", { kind: "tenant", tenantId });
  const limits = planLimits(ctx.viewer.tenant.plan);
  const hasSubOrgs = may(ctx.policy, "orgs.switch");

  return (
    <RolesView
      orgId={ctx.org.id}
      orgName={ctx.org.name}
      roles={roles.map((r) => ({ ...r, members: counts.get(r.key) ?? 0, grants: new Map(grants).get(r.key) ?? [] }))}
      groups={PERMISSION_GROUPS.map((g) => ({ label: g.label, permissions: g.keys.map((k) => ({ key: k, label: PERMISSIONS[k].label, description: PERMISSIONS[k].description })) }))}
      dependencies={PERMISSION_DEPENDENCIES}
      canEdit={edit.ok}
      lockedReason={!edit.ok && !limits.permissionsEditable ? edit.reason : null}
      canPropagate={hasSubOrgs}
      canManageRoles={edit.ok && limits.customRoles > 0}
      maxRoles={limits.customRoles}
    />
  );
}
