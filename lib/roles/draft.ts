// Editing one role's grants on the Roles page: pure, so the client and the tests share it.
import { PERMISSION_DEPENDENCIES, PERMISSION_KEYS, PERMISSIONS, type Permission } from "@/lib/policy/permissions";

const requirementsOf = (p: Permission): readonly Permission[] => PERMISSION_DEPENDENCIES[p] ?? [];

/** Everything that needs `p`, directly or through another permission. */
function dependantsOf(p: Permission): Permission[] {
  const found = new Set<Permission>();
  const visit = (q: Permission) => {
    for (const d of PERMISSION_KEYS) {
      if (!found.has(d) && requirementsOf(d).includes(q)) {
        found.add(d);
        visit(d);
      }
    }
  };
  visit(p);
  return [...found];
}

/**
 * A role's grants after ticking (`on`) or unticking `permission` in the draft `current`.
 * Unticking also drops what needs it; ticking also adds what it needs and brings back the
 * dependants the role held before the edit (`original`), so a re-tick undoes its own cascade.
 */
export function toggleGrant(original: ReadonlySet<Permission>, current: ReadonlySet<Permission>, permission: Permission, on: boolean): Set<Permission> {
  const next = new Set(current);
  if (!on) {
    next.delete(permission);
    for (const d of dependantsOf(permission)) next.delete(d);
    return next;
  }
  const add = (p: Permission) => {
    if (next.has(p)) return;
    next.add(p);
    requirementsOf(p).forEach(add);
  };
  add(permission);
  for (const d of dependantsOf(permission)) {
    if (original.has(d) && requirementsOf(d).every((r) => next.has(r))) next.add(d);
  }
  return next;
}

export type GrantChange = { role: string; gains: string[]; loses: string[] };

/** Per role, the labels it gains and loses (catalogue order); roles without a change are left out. */
export function grantChanges(roles: readonly { name: string; original: ReadonlySet<Permission>; next: ReadonlySet<Permission> }[]): GrantChange[] {
  return roles
    .map((r) => ({
      role: r.name,
      gains: PERMISSION_KEYS.filter((p) => r.next.has(p) && !r.original.has(p)).map((p) => PERMISSIONS[p].label),
      loses: PERMISSION_KEYS.filter((p) => !r.next.has(p) && r.original.has(p)).map((p) => PERMISSIONS[p].label),
    }))
    .filter((c) => c.gains.length || c.loses.length);
}

/** "Staff loses: Invite users, Edit users" — one sentence per direction, gains first. */
export function describeGrantChange(c: GrantChange): string[] {
  return [...(c.gains.length ? [`${c.role} gains: ${c.gains.join(", ")}`] : []), ...(c.loses.length ? [`${c.role} loses: ${c.loses.join(", ")}`] : [])];
}
