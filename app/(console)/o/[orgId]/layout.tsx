import type { ReactNode } from "react";
import { shellActions } from "@/app/(console)/shell-actions";
import { ConsoleShell } from "@/components/shell/console-shell";
import { roleLabel } from "@/lib/orgs/labels";
import { getActor } from "@/lib/orgs/context";
import { consoleNav } from "@/lib/orgs/nav";
import { reachesBelowOwnOrg } from "@/lib/policy";

export default async function OrgLayout({ children, params }: { children: ReactNode; params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const { viewer, org, policy } = await getActor(orgId);
  return (
    <ConsoleShell
      tenantName={viewer.tenant.name}
      orgName={org.name}
      switcher={reachesBelowOwnOrg(policy) ? { currentOrgId: org.id, ownOrgId: viewer.org.id, ownOrgName: viewer.org.name } : null}
      homeHref={`/o/${org.id}`}
      nav={consoleNav(org.id, policy)}
      actions={shellActions}
      user={{ name: viewer.name, email: viewer.email, roleLabel: `${roleLabel(viewer.role)} · ${viewer.org.name}` }}
    >
      {children}
    </ConsoleShell>
  );
}
