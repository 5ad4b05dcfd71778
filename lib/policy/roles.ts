import { PERMISSION_KEYS, type Permission } from "./permissions";

export const BUILTIN_ROLES = ["admin", "staff", "user"] as const;
export type BuiltinRole = (typeof BUILTIN_ROLES)[number];
/** Built-in keys plus, on business, custom role keys chosen by the tenant. */
export type RoleKey = string;

export const ROLE_LABELS: Readonly<Record<BuiltinRole, string>> = Object.freeze({ admin: "Admin", staff: "Staff", user: "User" });

const STAFF_GRANTS: readonly Permission[] = [
  "roles.view",
  "users.view",
  "users.invite",
  "users.edit",
  "users.force_logout",
  "users.export",
  "users.view_log",
  "users.send_device_log",
  "own_devices.view",
  "own_devices.control",
  "org_devices.view",
  "org_devices.control",
  "org_devices.edit",
  "org_devices.create",
  "devices.transfer",
  "org.settings",
  "orgs.switch",
  "locations.manage",
];

/** Default grants per built-in role (product.md §3). The User role has none, on purpose. */
export const DEFAULT_GRANTS: Readonly<Record<BuiltinRole, readonly Permission[]>> = Object.freeze({
  admin: PERMISSION_KEYS,
  staff: Object.freeze(PERMISSION_KEYS.filter((p) => STAFF_GRANTS.includes(p))),
  user: Object.freeze([] as Permission[]),
});

export function isBuiltinRole(key: unknown): key is BuiltinRole {
  return typeof key === "string" && (BUILTIN_ROLES as readonly string[]).includes(key);
}

/** The Admin role is the only one that may grant Admin, hold developer mode, or act on Admins. */
export function isAdminRole(key: RoleKey): boolean {
  return key === "admin";
}

/**
 * Whether `role` stands above the viewer: nobody edits, acts on, or hands out a role above their
 * own. Admin stands above everyone else and nobody above an Admin. Any other role is above the
 * viewer when it holds a permission the viewer does not hold here (its grants in the viewer's
 * current org, `roleGrants`; the defaults for a built-in role without them; a role whose grants
 * are unknown is taken to be above). So Staff may give and act on User and Staff, and on a
 * custom role only when it holds no more than Staff does.
 */
export function isRoleAbove(role: RoleKey, viewer: { role: RoleKey; grants: ReadonlySet<Permission>; roleGrants?: ReadonlyMap<RoleKey, ReadonlySet<Permission>> }): boolean {
  if (isAdminRole(viewer.role)) return false;
  if (isAdminRole(role)) return true;
  const held = viewer.roleGrants?.get(role) ?? (isBuiltinRole(role) ? DEFAULT_GRANTS[role] : null);
  if (!held) return true;
  for (const permission of held) if (!viewer.grants.has(permission)) return true;
  return false;
}
