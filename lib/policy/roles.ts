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
  "own_devices.view",
  "own_devices.control",
  "org_devices.view",
  "org_devices.control",
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
 * Where a role stands: Admin above Staff above User. A custom role (business) stands with Staff:
 * above the people with no permissions by default, below the Admins.
 */
export function roleRank(key: RoleKey): number {
  if (key === "admin") return 3;
  if (key === "user") return 1;
  return 2;
}

/** Nobody edits, acts on, or hands out a role above their own. */
export function isRoleAbove(role: RoleKey, than: RoleKey): boolean {
  return roleRank(role) > roleRank(than);
}
