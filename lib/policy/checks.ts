// Invariants that depend on counts. Commands read the counts under lock (architecture.md,
// "Writes") and pass them here, so the wording and the limits live in one place.
import { resolvePlan, type OrgType, type PlanKey, type PlanLimits } from "./plans";
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

/** Only an empty org is deleted: its own users (pending included), devices and sub-orgs go first. */
export function checkOrgEmpty(input: { orgName: string; users: number; devices: number; subOrgs: number }): PolicyResult {
  const { users, devices, subOrgs } = input;
  if (![users, devices, subOrgs].every(isCount)) return deny("CONFLICT", "ORG_NOT_EMPTY", `${input.orgName} cannot be checked for users, devices or sub-organizations`);
  const held = [users && plural(users, "user"), devices && plural(devices, "device"), subOrgs && plural(subOrgs, "sub-organization")].filter(Boolean);
  return held.length ? deny("CONFLICT", "ORG_NOT_EMPTY", `${input.orgName} still has ${held.join(", ")}; move or delete them first.`) : ALLOW;
}

/** Roles in all, built-ins included (the plan's `customRoles`). */
export function checkRoleCount(input: { plan: Plan; rolesInTenant: number; adding: number }): PolicyResult {
  const p = resolvePlan(input.plan);
  if (p.customRoles === 0) return deny("LIMIT", "PLAN_NO_CUSTOM_ROLES", `The ${p.label} plan has no custom roles`);
  if (!exceeds(input.rolesInTenant, input.adding, p.customRoles)) return ALLOW;
  return deny("LIMIT", "PLAN_ROLE_LIMIT", `The ${p.label} plan allows at most ${p.customRoles} roles in all`);
}

/** What a tenant holds that a plan limits (the operator's `set-plan` reads it under the tenant lock). */
export type TenantUsage = {
  /** Users in the whole tree, pending included. */
  users: number;
  /** Organizations below the root. */
  subOrgs: number;
  /** The deepest org's depth (root = 1). */
  depth: number;
  /** Roles in all, built-ins included, and the names of the custom ones. */
  roles: number;
  customRoleNames: readonly string[];
  /** Users with developer mode on. */
  developers: number;
  orgTypes: readonly OrgType[];
};

export type PlanBreach = { limit: "maxUsers" | "maxSubOrgs" | "maxDepth" | "customRoles" | "developers" | "orgTypes"; message: string };

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const listed = (items: readonly string[]) => (items.length > 1 ? `${items.slice(0, -1).join(", ")} and ${items.at(-1)}` : (items[0] ?? ""));

/** Every limit of `plan` the tenant is over, each worded for the operator; empty when it fits. */
export function planBreaches(plan: Plan, usage: TenantUsage): PlanBreach[] {
  const p = resolvePlan(plan);
  const out: PlanBreach[] = [];
  if (usage.users > p.maxUsers) out.push({ limit: "maxUsers", message: `${plural(usage.users, "user")}, pending invitations included (${p.label} allows ${p.maxUsers})` });
  if (p.maxSubOrgs !== null && usage.subOrgs > p.maxSubOrgs) {
    out.push({ limit: "maxSubOrgs", message: `${plural(usage.subOrgs, "sub-organization")} (${p.label} ${p.maxSubOrgs === 0 ? "has none" : `allows ${p.maxSubOrgs}`})` });
  }
  if (usage.depth > p.maxDepth) out.push({ limit: "maxDepth", message: `organizations ${usage.depth} levels deep (${p.label} allows ${p.maxDepth})` });
  if (p.customRoles === 0 && usage.customRoleNames.length > 0) {
    out.push({ limit: "customRoles", message: `custom roles: ${listed(usage.customRoleNames)} (${p.label} has none)` });
  } else if (p.customRoles > 0 && usage.roles > p.customRoles) {
    out.push({ limit: "customRoles", message: `${plural(usage.roles, "role")} (${p.label} allows ${p.customRoles} in all)` });
  }
  if (p.developers === "one_per_tenant" && usage.developers > 1) out.push({ limit: "developers", message: `${plural(usage.developers, "user")} in developer mode (${p.label} allows one)` });
  // Without sub-organizations at all, the count above already names every one of them.
  const offered = new Set<OrgType>(p.orgTypes);
  const missing = usage.orgTypes.filter((t) => !offered.has(t));
  if (missing.length && p.maxSubOrgs !== 0) out.push({ limit: "orgTypes", message: `${listed(missing)} organizations (${p.label} does not offer them)` });
  return out;
}
