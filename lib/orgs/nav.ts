import { devicesInSight, may, mayViewLocations, type PolicyViewer } from "@/lib/policy";

/** One entry of the console's navigation; `section`: the path below which it is the current one. */
export type NavItem = { href: string; label: string; exact?: boolean; section?: string };

/** Settings' own pages, each where the viewer may use it (product.md §6 "Settings"). */
export function settingsNav(orgId: string, policy: PolicyViewer): NavItem[] {
  const base = `/o/${orgId}/settings`;
  const items: (NavItem | false)[] = [
    may(policy, "org.settings") && { href: base, label: "Organization", exact: true },
    mayViewLocations(policy) && { href: `${base}/locations`, label: "Locations" },
    // The tenant's tags are listed to whoever sees its people or devices; changing them is tags.manage.
    mayViewLocations(policy) && { href: `${base}/tags`, label: "Tags" },
    may(policy, "roles.view") && { href: `${base}/roles`, label: "Roles and permissions" },
  ];
  return items.filter((i): i is NavItem => i !== false);
}

/** The console's navigation: only pages that exist, and only those the viewer may open. */
export function consoleNav(orgId: string, policy: PolicyViewer): NavItem[] {
  const devices = devicesInSight(policy);
  // Settings opens on the first of its pages the viewer may use, and is current on all of them.
  const [settings] = settingsNav(orgId, policy);
  const items: (NavItem | false)[] = [
    { href: `/o/${orgId}`, label: "Overview", exact: true },
    may(policy, "users.view") && { href: `/o/${orgId}/users`, label: "Users" },
    devices !== null && { href: `/o/${orgId}/devices`, label: devices === "org" ? "Devices" : "My devices" },
    (may(policy, "orgs.switch") || may(policy, "orgs.create")) && { href: `/o/${orgId}/organizations`, label: "Organizations" },
    settings !== undefined && { href: settings.href, label: "Settings", section: `/o/${orgId}/settings` },
    may(policy, "audit.view") && { href: `/o/${orgId}/audit`, label: "Audit log" },
  ];
  return items.filter((i): i is NavItem => i !== false);
}
