import type { ReactNode } from "react";
import { shellActions } from "@/app/(console)/shell-actions";
import { ConsoleShell } from "@/components/shell/console-shell";
import { getDb } from "@/db/client";
import { roleLabel } from "@/lib/orgs/labels";
import { getActor } from "@/lib/orgs/context";
import { consoleNav } from "@/lib/orgs/nav";
import { orgTrail } from "@/lib/orgs/trail";
import { planHasSubOrgs, reachesBelowOwnOrg } from "@/lib/policy";

export default async function OrgLayout({ children, params }: { children: ReactNode; params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const actor = await getActor(orgId);
  const { viewer, org, policy } = actor;
  const trail = await orgTrail(await getDb(), actor);
  // A plan without sub-orgs (free, plus) has nothing to switch to: no switcher, however the role reads.
  const switches = reachesBelowOwnOrg(policy) && planHasSubOrgs(policy.limits ?? policy.plan);
  return (
    <ConsoleShell
      trail={trail}
      switcher={switches ? { ownOrgId: viewer.org.id, ownOrgName: viewer.org.name } : null}
      homeHref={`/o/${org.id}`}
      nav={consoleNav(org.id, policy)}
      actions={shellActions}
      user={{ name: viewer.name, email: viewer.email, roleLabel: `${roleLabel(viewer.role)} · ${viewer.org.name}` }}
    >
      {children}
    </ConsoleShell>
  );
}
