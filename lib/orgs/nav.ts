import type { NavItem } from "@/components/shell/console-shell";

/** The console's navigation: only pages that exist, and only those the viewer may open. */
export function consoleNav(orgId: string): NavItem[] {
  return [{ href: `/o/${orgId}`, label: "Overview", exact: true }];
}
