// Invariants that depend on counts. Commands read the counts under lock (architecture.md,
// "Writes") and pass them here, so the wording and the limits live in one place.
import { resolvePlan, type PlanKey, type PlanLimits } from "./plans";
import { ALLOW, deny } from "./result";
import type { PolicyResult } from "./types";

export const DAILY_INVITE_CAP = 25;
export const MAX_TAGS_PER_USER = 5;

type Plan = PlanKey | PlanLimits;

const isCount = (n: unknown): n is number => typeof n === "number" && Number.isInteger(n) && n >= 0;

/** True when `used + adding` passes `cap`, or when the counts are not counts (NaN must not allow). */
function exceeds(used: number, adding: number, cap: number): boolean {
  return !isCount(used) || !isCount(adding) || used + adding > cap;
}

export function checkKeepsAdmin(input: { orgName: string; activeAdminsAfter: number }): PolicyResult {
  return isCount(input.activeAdminsAfter) && input.activeAdminsAfter >= 1 ? ALLOW : deny("CONFLICT", "LAST_ADMIN", `${input.orgName} would be left without an Admin`);
}

export function checkUserLimit(input: { plan: Plan; usersInTenant: number; adding: number }): PolicyResult {
  const p = resolvePlan(input.plan);
  if (!exceeds(input.usersInTenant, input.adding, p.maxUsers)) return ALLOW;
  return deny("LIMIT", "PLAN_USER_LIMIT", `The ${p.label} plan allows at most ${p.maxUsers} users, pending invitations included (${input.usersInTenant} used)`);
}

/** `currentDeveloperName`: the name of the user who has developer mode on now, or null. */
export function checkDeveloperLimit(input: { plan: Plan; currentDeveloperName: string | null; viewerIsHolder: boolean }): PolicyResult {
  const p = resolvePlan(input.plan);
  if (p.developers === "many_admins" || input.currentDeveloperName === null || input.viewerIsHolder) return ALLOW;
  return deny("CONFLICT", "DEVELOPER_HELD", `Only one developer is allowed on the ${p.label} plan; ${input.currentDeveloperName} has developer mode on`);
}

export function checkDailyInvites(input: { sentToday: number; adding: number }): PolicyResult {
  if (!exceeds(input.sentToday, input.adding, DAILY_INVITE_CAP)) return ALLOW;
  const left = isCount(input.sentToday) ? Math.max(0, DAILY_INVITE_CAP - input.sentToday) : 0;
  return deny("LIMIT", "DAILY_INVITE_CAP", `At most ${DAILY_INVITE_CAP} invitations can be sent per day; ${left} left today`);
}

export function checkSubOrgDepth(input: { plan: Plan; parentDepth: number }): PolicyResult {
  const p = resolvePlan(input.plan);
  if (p.maxSubOrgs === 0) return deny("LIMIT", "PLAN_NO_SUB_ORGS", `The ${p.label} plan does not include sub-organizations`);
  if (isCount(input.parentDepth) && input.parentDepth >= 1 && input.parentDepth < p.maxDepth) return ALLOW;
  return deny("LIMIT", "PLAN_DEPTH", `Organizations can be at most ${p.maxDepth} levels deep on the ${p.label} plan`);
}

/** `existingSubOrgs`: every org of the tenant except the root. */
export function checkSubOrgCount(input: { plan: Plan; existingSubOrgs: number }): PolicyResult {
  const p = resolvePlan(input.plan);
  if (p.maxSubOrgs === 0) return deny("LIMIT", "PLAN_NO_SUB_ORGS", `The ${p.label} plan does not include sub-organizations`);
  if (p.maxSubOrgs === null ? isCount(input.existingSubOrgs) : !exceeds(input.existingSubOrgs, 1, p.maxSubOrgs)) return ALLOW;
  return deny("LIMIT", "PLAN_SUB_ORG_LIMIT", `The ${p.label} plan allows at most ${p.maxSubOrgs ?? "unlimited"} sub-organizations`);
}

export function checkTagLimit(input: { tagsOnUser: number; adding: number; userName?: string }): PolicyResult {
  if (!exceeds(input.tagsOnUser, input.adding, MAX_TAGS_PER_USER)) return ALLOW;
  return deny("LIMIT", "TAG_LIMIT", `${input.userName ?? "This user"} already has ${input.tagsOnUser} tags; at most ${MAX_TAGS_PER_USER} are allowed`);
}

/** Roles in all, built-ins included (the plan's `customRoles`). */
export function checkRoleCount(input: { plan: Plan; rolesInTenant: number; adding: number }): PolicyResult {
  const p = resolvePlan(input.plan);
  if (p.customRoles === 0) return deny("LIMIT", "PLAN_NO_CUSTOM_ROLES", `The ${p.label} plan has no custom roles`);
  if (!exceeds(input.rolesInTenant, input.adding, p.customRoles)) return ALLOW;
  return deny("LIMIT", "PLAN_ROLE_LIMIT", `The ${p.label} plan allows at most ${p.customRoles} roles in all`);
}
