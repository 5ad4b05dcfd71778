// The permission catalogue of product.md §3. Nothing else in the code spells a permission
// as a bare string: import `Permission` and the keys from here.

export const PERMISSIONS = Object.freeze({
  "roles.view": { group: "roles", label: "View roles and permissions", description: "See roles and their grants" },
  "roles.edit": { group: "roles", label: "Edit roles and permissions", description: "Edit grants (pro and up), manage custom roles (business)" },
  "users.view": { group: "users", label: "View users", description: "See the users table and profiles" },
  "users.invite": { group: "users", label: "Invite users", description: "Invite users" },
  "users.edit": { group: "users", label: "Edit users", description: "Edit name, phone, locations, role" },
  "users.change_password": { group: "users", label: "Change users' passwords", description: "Set another user's password" },
  "users.force_logout": { group: "users", label: "Log users out", description: "End another user's sessions" },
  "users.suspend": { group: "users", label: "Suspend users", description: "Suspend and reactivate users" },
  "users.transfer": { group: "users", label: "Transfer users", description: "Move a user to another organization of the tenant" },
  "users.delete": { group: "users", label: "Delete users", description: "Delete users" },
  "users.export": { group: "users", label: "Export users", description: "Download the users list as CSV" },
  "users.view_log": { group: "users", label: "View users' action log", description: "See a user's action log" },
  "tags.manage": { group: "users", label: "Manage tags", description: "Create tags, apply them to users and devices" },
  "users.send_device_log": { group: "users", label: "Send device logs", description: "Email themselves the actions log of a user's devices" },
  "own_devices.view": { group: "own_devices", label: "View own devices", description: "See devices they own" },
  "own_devices.control": { group: "own_devices", label: "Control own devices", description: "Control devices they own" },
  "org_devices.view": { group: "org_devices", label: "View organization devices", description: "See every device of the organization" },
  "org_devices.control": { group: "org_devices", label: "Control organization devices", description: "Control every device of the organization" },
  "org_devices.edit": { group: "org_devices", label: "Edit devices", description: "Rename devices and change their model" },
  "org_devices.create": { group: "org_devices", label: "Add devices", description: "Add devices" },
  "org_devices.delete": { group: "org_devices", label: "Delete devices", description: "Delete devices" },
  "devices.transfer": { group: "org_devices", label: "Transfer devices", description: "Change a device's owner or move it to a sub-organization" },
  "org.settings": { group: "organization", label: "Edit organization settings", description: "Edit this organization's settings" },
  "orgs.switch": { group: "organization", label: "Switch to sub-organizations", description: "See and switch to sub-organizations" },
  "orgs.create": { group: "organization", label: "Create organizations", description: "Create sub-organizations" },
  "orgs.edit": { group: "organization", label: "Edit sub-organizations", description: "Edit sub-organizations" },
  "orgs.delete": { group: "organization", label: "Delete sub-organizations", description: "Delete sub-organizations" },
  "locations.manage": { group: "organization", label: "Manage locations", description: "Create, edit, delete locations; assign users" },
  "audit.view": { group: "organization", label: "View audit log", description: "Read the organization's audit log" },
} as const);

export type Permission = keyof typeof PERMISSIONS;
type PermissionGroupKey = (typeof PERMISSIONS)[Permission]["group"];

export const PERMISSION_KEYS: readonly Permission[] = Object.freeze(Object.keys(PERMISSIONS) as Permission[]);

const GROUP_LABELS: Readonly<Record<PermissionGroupKey, string>> = {
  roles: "Roles",
  users: "Users",
  own_devices: "Own devices",
  org_devices: "Organization devices",
  organization: "Organization",
};

export type PermissionGroup = { readonly key: PermissionGroupKey; readonly label: string; readonly keys: readonly Permission[] };

/** The groups in the order of the Roles page, each with its keys in catalogue order. */
export const PERMISSION_GROUPS: readonly PermissionGroup[] = Object.freeze(
  (Object.keys(GROUP_LABELS) as PermissionGroupKey[]).map((key) =>
    Object.freeze({ key, label: GROUP_LABELS[key], keys: Object.freeze(PERMISSION_KEYS.filter((p) => PERMISSIONS[p].group === key)) }),
  ),
);

export function isPermission(x: unknown): x is Permission {
  // hasOwn, not `in`: "toString" or "__proto__" must not pass.
  return typeof x === "string" && Object.hasOwn(PERMISSIONS, x);
}

/** What each permission needs alongside it (direct requirements; none of them chain). */
export const PERMISSION_DEPENDENCIES: Readonly<Partial<Record<Permission, readonly Permission[]>>> = Object.freeze({
  "roles.edit": ["roles.view"],
  "users.invite": ["users.view"],
  "users.edit": ["users.view"],
  "users.change_password": ["users.view"],
  "users.force_logout": ["users.view"],
  "users.suspend": ["users.view"],
  "users.transfer": ["users.view"],
  "users.delete": ["users.view"],
  "users.export": ["users.view"],
  "users.view_log": ["users.view"],
  "tags.manage": ["users.view"],
  // The log is of the target's devices: the sender must see the org's devices too.
  "users.send_device_log": ["users.view", "org_devices.view"],
  "own_devices.control": ["own_devices.view"],
  "org_devices.control": ["org_devices.view"],
  "org_devices.edit": ["org_devices.view"],
  "org_devices.create": ["org_devices.view"],
  "org_devices.delete": ["org_devices.view"],
  "devices.transfer": ["org_devices.view"],
  "orgs.create": ["orgs.switch"],
  "orgs.edit": ["orgs.switch"],
  "orgs.delete": ["orgs.switch"],
} satisfies Partial<Record<Permission, readonly Permission[]>>);

function requirementsOf(p: Permission): readonly Permission[] {
  return PERMISSION_DEPENDENCIES[p] ?? [];
}

/** The given permissions plus everything they need, in catalogue order; unknown strings are dropped. */
export function withDependencies(perms: Iterable<string>): Permission[] {
  const held = new Set<Permission>();
  const visit = (p: Permission): void => {
    if (held.has(p)) return;
    held.add(p);
    requirementsOf(p).forEach(visit);
  };
  for (const p of perms) if (isPermission(p)) visit(p);
  return PERMISSION_KEYS.filter((p) => held.has(p));
}

export type MissingDependency = { readonly permission: Permission; readonly requires: Permission };

/** Each (permission, requirement) pair where the requirement is not in the set; empty when consistent. */
export function missingDependencies(perms: Iterable<string>): MissingDependency[] {
  const held = new Set<string>(perms);
  const missing: MissingDependency[] = [];
  for (const permission of PERMISSION_KEYS) {
    if (!held.has(permission)) continue;
    for (const requires of requirementsOf(permission)) if (!held.has(requires)) missing.push({ permission, requires });
  }
  return missing;
}
