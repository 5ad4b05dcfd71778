import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { withSubOrgTotals } from "@/lib/orgs/counts";
import { orgTypeLabel } from "@/lib/orgs/labels";
import { getActorFor } from "@/lib/orgs/context";
import { notEmptyReasons, subtree } from "@/lib/orgs/tree";
import { authorize, may, planLimits, type OrgRef, type OrgTarget } from "@/lib/policy";
import { OrgsView, type OrgTableRow } from "./_components/orgs-view";

export const metadata: Metadata = { title: "Organizations" };

export default async function OrganizationsPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const actor = await getActorFor(orgId, "organizations");
  const { policy } = actor;
  const db = await getDb();
  const nodes = await subtree(db, actor.viewer.tenant.id, actor.org.path);
  const limits = planLimits(actor.viewer.tenant.plan);

  const totals = withSubOrgTotals(nodes);
  const notEmpty = notEmptyReasons(nodes);
  const rows: OrgTableRow[] = nodes.map((n) => {
    const ref: OrgRef = { id: n.id, tenantId: actor.viewer.tenant.id, path: n.path, depth: n.depth, name: n.name };
    const target: OrgTarget = { kind: "org", org: ref, canCreateSubOrgs: n.canCreateSubOrgs, isRoot: n.parentId === null };
    const create = authorize(policy, "orgs.create", target);
    return {
      id: n.id,
      name: n.name,
      description: n.description,
      type: orgTypeLabel(n.type),
      depth: n.depth,
      canCreateSubOrgs: n.canCreateSubOrgs,
      members: n.users,
      devices: n.devices,
      membersWithSubOrgs: totals.get(n.id)!.users,
      devicesWithSubOrgs: totals.get(n.id)!.devices,
      canSwitch: authorize(policy, "orgs.switch", target).ok,
      canEdit: authorize(policy, "orgs.edit", target).ok,
      canDelete: authorize(policy, "orgs.delete", target).ok,
      deleteRefusal: notEmpty.get(n.id) ?? null,
      canAddChild: may(policy, "orgs.create") && create.ok,
      addChildRefusal: may(policy, "orgs.create") && !create.ok ? create.reason : null,
    };
  });

  return <OrgsView orgId={actor.org.id} orgName={actor.org.name} rows={rows} orgTypes={limits.orgTypes.filter((t) => t !== "root").map((t) => ({ value: t, label: orgTypeLabel(t) }))} planLabel={limits.label} />;
}
