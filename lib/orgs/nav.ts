import { devicesInSight, may, type PolicyViewer } from "@/lib/policy";

/** One entry of the console's main navigation. */
export type NavItem = { href: string; label: string; exact?: boolean };

/** The console's navigation: only pages that exist, and only those the viewer may open. */
export function consoleNav(orgId: string, policy: PolicyViewer): NavItem[] {
  const devices = devicesInSight(policy);
  const items: (NavItem | false)[] = [
    { href: `/o/${orgId}`, label: "Overview", exact: true },
    may(policy, "users.view") && { href: `/o/${orgId}/users`, label: "Users" },
    devices !== null && { href: `/o/${orgId}/devices`, label: devices === "org" ? "Devices" : "My devices" },
    (may(policy, "orgs.switch") || may(policy, "orgs.create")) && { href: `/o/${orgId}/organizations`, label: "Organizations" },
    // Exact: the roles page lives under /settings and has its own entry.
    may(policy, "org.settings") && { href: `/o/${orgId}/settings`, label: "Settings", exact: true },
    may(policy, "roles.view") && { href: `/o/${orgId}/settings/roles`, label: "Roles and permissions" },
    may(policy, "audit.view") && { href: `/o/${orgId}/audit`, label: "Audit log" },
  ];
  return items.filter((i): i is NavItem => i !== false);
}
