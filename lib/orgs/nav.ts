import type { NavItem } from "@/components/shell/console-shell";
import type { PolicyViewer } from "@/lib/policy";

/** The console's navigation: only pages that exist, and only those the viewer may open. */
export function consoleNav(orgId: string, policy: PolicyViewer): NavItem[] {
  const items: NavItem[] = [{ href: `/o/${orgId}`, label: "Overview", exact: true }];
  if (policy.grants.has("users.view")) items.push({ href: `/o/${orgId}/users`, label: "Users" });
  return items;
}
