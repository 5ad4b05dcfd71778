import "server-only";
import { formatDate, formatLastLogin } from "@/lib/format/dates";
import { roleLabel } from "@/lib/orgs/labels";
import { may, planHasSubOrgs, type Action, type PolicyViewer } from "@/lib/policy";
import type { TagRef } from "@/lib/tags/target";
import type { UserRow } from "./list";
import type { BlockedActions, RoleOption, RowAction } from "./page-data";
import type { BulkPermissions, UserTableRow } from "./view-model";

/** A page of users as the table shows it: role names, dates in the viewer's time zone, row menus. */
export function toTableRows(
  rows: readonly UserRow[],
  context: { roles: readonly RoleOption[]; actions: Record<string, RowAction[]>; blocked: Record<string, BlockedActions>; tags: ReadonlyMap<string, TagRef[]>; now: Date; timeZone: string },
): UserTableRow[] {
  const { roles, actions, blocked, tags, now, timeZone } = context;
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    email: r.email,
    orgId: r.orgId,
    orgName: r.orgName,
    role: r.role,
    roleLabel: roles.find((x) => x.key === r.role)?.name ?? roleLabel(r.role),
    location: r.location,
    tags: tags.get(r.id) ?? [],
    status: r.status,
    lastLogin: r.status === "pending" ? "Never" : formatLastLogin(r.lastLoginAt, now, timeZone),
    registered: formatDate(r.registeredAt, now, timeZone),
    devices: r.devices,
    actions: actions[r.id] ?? [],
    blocked: blocked[r.id] ?? {},
  }));
}

/** Which bulk actions and toolbar entries the viewer's grants here offer. */
export function bulkPermissions(policy: PolicyViewer): BulkPermissions {
  const has = (action: Action) => may(policy, action);
  return {
    invite: has("users.invite"),
    changeRole: has("users.change_role"),
    forceLogout: has("users.force_logout"),
    suspend: has("users.suspend"),
    resend: has("users.resend_invitation"),
    delete: has("users.delete"),
    export: has("users.export"),
    tags: has("tags.apply"),
    locations: has("locations.assign"),
    reach: has("orgs.switch") && planHasSubOrgs(policy.limits ?? policy.plan),
    rolesView: has("roles.view"),
  };
}
