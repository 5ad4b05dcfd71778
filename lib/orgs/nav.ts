import type { PolicyViewer } from "@/lib/policy";

/** The console's navigation: only pages that exist, and only those the viewer may open. */
/** One entry of the console's main navigation. */
export type NavItem = { href: string; label: string; exact?: boolean };

export function consoleNav(orgId: string, policy: PolicyViewer): NavItem[] {
  const has = (p: Parameters<typeof policy.grants.has>[0]) => policy.grants.has(p);
  const items: (NavItem | false)[] = [
    { href: `/o/${orgId}`, label: "Overview", exact: true },
    has("users.view") && { href: `/o/${orgId}/users`, label: "Users" },
    (has("org_devices.view") || has("own_devices.view")) && { href: `/o/${orgId}/devices`, label: has("org_devices.view") ? "Devices" : "My devices" },
    (has("orgs.switch") || has("orgs.create")) && { href: `/o/${orgId}/organizations`, label: "Organizations" },
    has("roles.view") && { href: `/o/${orgId}/settings/roles`, label: "Roles and permissions" },
    has("audit.view") && { href: `/o/${orgId}/audit`, label: "Audit log" },
  ];
  return items.filter((i): i is NavItem => i !== false);
}
