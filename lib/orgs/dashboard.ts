import "server-only";
import { and, count, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { organizations } from "@/db/schema";
import { listAudit, type AuditRow } from "@/lib/audit/list";
import type { Actor } from "@/lib/commands/actor";
import { countDevices } from "@/lib/devices/list";
import { can, devicesInSight, may, planHasSubOrgs } from "@/lib/policy";
import { auditList } from "@/lib/table/audit";
import { devicesList } from "@/lib/table/devices";
import { usersList } from "@/lib/table/users";
import { INACTIVE_AFTER_DAYS, userFiltersSchema, type UserStatus } from "@/lib/users/filters";
import { countUsers } from "@/lib/users/list";
import { orgsAtOrBelow } from "./subtree-sql";
import { orgTarget } from "./target";

/** A figure of the dashboard and the filtered list it counts: the link shows the same rows. */
export type DashboardCount = { key: string; label: string; hint: string; total: number; capped: boolean; href: string };

export type Dashboard = {
  /** "reach": the figures include every sub-organization below (how many: `subOrgs`). */
  scope: "org" | "reach";
  subOrgs: number;
  counts: DashboardCount[];
  /** The newest audit rows of the org and below, or null without audit.view. */
  activity: AuditRow[] | null;
};

const USER_FIGURES: Array<{ status: UserStatus; label: string; hint: string }> = [
  { status: "pending", label: "Pending invitations", hint: "invited, no password yet" },
  { status: "suspended", label: "Suspended", hint: "cannot log in" },
  { status: "inactive", label: "Inactive", hint: `no login for over ${INACTIVE_AFTER_DAYS} days` },
];

export const RECENT_ACTIVITY = 8;

/**
 * The admin's overview: what needs attention, counted exactly as the users and devices lists
 * count it (their own filters and WHERE), and the latest audit rows. Null for a viewer who may
 * not see users: they get the plain overview. Sub-orgs are included when the viewer may look
 * below and there are any, as "All in reach" would show them.
 */
export async function orgDashboard(db: Db, actor: Actor, now = new Date()): Promise<Dashboard | null> {
  const target = orgTarget(actor);
  if (!can(actor.policy, "users.view", target)) return null;
  const { org } = actor;
  // As "All in reach" shows: only where the plan has sub-orgs (a tenant moved down keeps its old ones).
  const [{ n: subOrgs } = { n: 0 }] = may(actor.policy, "orgs.switch") && planHasSubOrgs(actor.policy.limits ?? actor.policy.plan)
    ? await db
        .select({ n: count() })
        .from(organizations)
        .where(and(orgsAtOrBelow(org.tenantId, org.path), ne(organizations.id, org.id)))
    : [];
  const scope = subOrgs > 0 ? ("reach" as const) : ("org" as const);

  const userFilters = (status: UserStatus) => userFiltersSchema.parse({ scope, statuses: [status] });
  const deviceFilters = { q: "", scope, noOwner: true, locations: [], tags: [] };
  const [users, devices, activity] = await Promise.all([
    Promise.all(USER_FIGURES.map((f) => countUsers(db, actor, userFilters(f.status), now))),
    devicesInSight(actor.policy) === "org" ? countDevices(db, actor, deviceFilters) : null,
    can(actor.policy, "audit.view", target) ? listAudit(db, actor, auditList.read({}).filters, { size: RECENT_ACTIVITY }) : null,
  ]);

  const counts: DashboardCount[] = USER_FIGURES.map((f, i) => ({
    key: f.status,
    label: f.label,
    hint: f.hint,
    ...users[i]!,
    href: usersList.href(`/o/${org.id}/users`, userFilters(f.status)),
  }));
  if (devices) counts.push({ key: "no-owner", label: "Devices without owner", hint: "nobody answers for them", ...devices, href: devicesList.href(`/o/${org.id}/devices`, deviceFilters) });
  return { scope, subOrgs, counts, activity: activity?.rows ?? null };
}
