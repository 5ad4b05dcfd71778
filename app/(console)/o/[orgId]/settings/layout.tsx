import type { ReactNode } from "react";
import { getActor } from "@/lib/orgs/context";
import { settingsNav } from "@/lib/orgs/nav";
import { SettingsNav } from "./_components/settings-nav";

// Every settings page under its tabs; each page still gates itself (a tab is only shown where it would open).
export default async function SettingsLayout({ children, params }: { children: ReactNode; params: Promise<{ orgId: string }> }) {
  const actor = await getActor((await params).orgId);
  const items = settingsNav(actor.org.id, actor.policy);
  return (
    <div className="space-y-6">
      {items.length > 1 ? <SettingsNav items={items} /> : null}
      {children}
    </div>
  );
}
