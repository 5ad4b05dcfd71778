import type { ReactNode } from "react";
import { shellActions } from "@/app/(console)/shell-actions";
import { ConsoleShell } from "@/components/shell/console-shell";
import { getDb } from "@/db/client";
import { requireViewer } from "@/lib/auth/viewer";
import { roleLabel } from "@/lib/orgs/labels";
import { consoleNav } from "@/lib/orgs/nav";
import { resolveOrgContext } from "@/lib/orgs/resolve";
import { notFound } from "next/navigation";

export default async function ProfileLayout({ children }: { children: ReactNode }) {
  const viewer = await requireViewer();
  const ctx = await resolveOrgContext(await getDb(), viewer, viewer.org.id);
  if (!ctx) notFound();
  return (
    <ConsoleShell
      tenantName={viewer.tenant.name}
      orgName={viewer.org.name}
      homeHref={`/o/${viewer.org.id}`}
      nav={consoleNav(viewer.org.id, ctx.policy)}
      actions={shellActions}
      user={{ name: viewer.name, email: viewer.email, roleLabel: `${roleLabel(viewer.role)} · ${viewer.org.name}` }}
    >
      {children}
    </ConsoleShell>
  );
}
