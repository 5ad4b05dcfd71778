import type { ReactNode } from "react";
import { shellActions } from "@/app/(console)/shell-actions";
import { ConsoleShell } from "@/components/shell/console-shell";
import { requireViewer } from "@/lib/auth/viewer";
import { getActor } from "@/lib/orgs/context";
import { roleLabel } from "@/lib/orgs/labels";
import { consoleNav } from "@/lib/orgs/nav";

export default async function ProfileLayout({ children }: { children: ReactNode }) {
  const viewer = await requireViewer();
  const { policy } = await getActor(viewer.org.id);
  return (
    <ConsoleShell
      trail={[{ id: viewer.org.id, name: viewer.org.name }]}
      homeHref={`/o/${viewer.org.id}`}
      nav={consoleNav(viewer.org.id, policy)}
      actions={shellActions}
      user={{ name: viewer.name, email: viewer.email, roleLabel: `${roleLabel(viewer.role)} · ${viewer.org.name}` }}
    >
      {children}
    </ConsoleShell>
  );
}
