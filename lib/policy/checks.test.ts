import { describe, expect, it } from "vitest";
import {
  checkDailyInvites,
  checkDeveloperLimit,
  checkKeepsAdmin,
  checkOrgEmpty,
  checkRoleCount,
  checkSubOrgCount,
  checkSubOrgDepth,
  checkTagLimit,
  checkUserLimit,
  DAILY_INVITE_CAP,
  MAX_TAGS_PER_USER,
  planBreaches,
} from "./checks";
import { planLimits } from "./plans";

const ok = { ok: true };

describe("invariant checks at and around their limits", () => {
  it("checkOrgEmpty", () => {
    expect(checkOrgEmpty({ orgName: "Boilers Ltd", users: 0, devices: 0, subOrgs: 0 })).toEqual(ok);
    expect(checkOrgEmpty({ orgName: "Boilers Ltd", users: 1, devices: 0, subOrgs: 2 })).toEqual({ ok: false, code: "CONFLICT", refusal: "ORG_NOT_EMPTY", reason: "Boilers Ltd still has 1 user, 2 sub-organizations; move or delete them first." });
    expect(checkOrgEmpty({ orgName: "X", users: Number.NaN, devices: 0, subOrgs: 0 }).ok).toBe(false);
  });

  it("checkKeepsAdmin", () => {
    expect(checkKeepsAdmin({ orgName: "Boilers Ltd", activeAdminsAfter: 1 })).toEqual(ok);
    expect(checkKeepsAdmin({ orgName: "Boilers Ltd", activeAdminsAfter: 0 })).toEqual({ ok: false, code: "CONFLICT", refusal: "LAST_ADMIN", reason: "Boilers Ltd would be left without an Admin" });
    expect(checkKeepsAdmin({ orgName: "X", activeAdminsAfter: -1 }).ok).toBe(false);
    expect(checkKeepsAdmin({ orgName: "X", activeAdminsAfter: Number.NaN }).ok).toBe(false);
  });

  it("checkUserLimit counts pending users and bulk additions", () => {
    expect(checkUserLimit({ plan: "free", usersInTenant: 4, adding: 1 })).toEqual(ok);
    expect(checkUserLimit({ plan: "free", usersInTenant: 5, adding: 0 })).toEqual(ok);
    expect(checkUserLimit({ plan: "free", usersInTenant: 5, adding: 1 })).toEqual({ ok: false, code: "LIMIT", refusal: "PLAN_USER_LIMIT", reason: "The Free plan allows at most 5 users, pending invitations included (5 used)" });
    expect(checkUserLimit({ plan: "free", usersInTenant: 4, adding: 2 }).ok).toBe(false);
    expect(checkUserLimit({ plan: "plus", usersInTenant: 9, adding: 1 })).toEqual(ok);
    expect(checkUserLimit({ plan: "pro", usersInTenant: 100, adding: 1 }).ok).toBe(false);
    expect(checkUserLimit({ plan: "business", usersInTenant: 9_999, adding: 1 })).toEqual(ok);
    expect(checkUserLimit({ plan: planLimits("business", { maxUsers: 20_000 }), usersInTenant: 15_000, adding: 1 })).toEqual(ok);
    expect(checkUserLimit({ plan: "pro", usersInTenant: Number.NaN, adding: 1 }).ok).toBe(false);
    expect(checkUserLimit({ plan: "pro", usersInTenant: 0, adding: -5 }).ok).toBe(false);
  });

  it("checkDeveloperLimit: one per tenant on free and plus, any number of Admins above", () => {
    expect(checkDeveloperLimit({ plan: "free", currentDeveloperName: "Ann Lee", viewerIsHolder: false })).toEqual({ ok: false, code: "CONFLICT", refusal: "DEVELOPER_HELD", reason: "Only one developer is allowed on the Free plan; Ann Lee has developer mode on" });
    expect(checkDeveloperLimit({ plan: "plus", currentDeveloperName: "Ann Lee", viewerIsHolder: false }).ok).toBe(false);
    expect(checkDeveloperLimit({ plan: "free", currentDeveloperName: "Ann Lee", viewerIsHolder: true })).toEqual(ok);
    expect(checkDeveloperLimit({ plan: "free", currentDeveloperName: null, viewerIsHolder: false })).toEqual(ok);
    expect(checkDeveloperLimit({ plan: "pro", currentDeveloperName: "Ann Lee", viewerIsHolder: false })).toEqual(ok);
  });

  it(`checkDailyInvites caps at ${DAILY_INVITE_CAP}`, () => {
    expect(checkDailyInvites({ sentToday: 24, adding: 1 })).toEqual(ok);
    expect(checkDailyInvites({ sentToday: 0, adding: 25 })).toEqual(ok);
    expect(checkDailyInvites({ sentToday: 25, adding: 1 })).toEqual({ ok: false, code: "LIMIT", refusal: "DAILY_INVITE_CAP", reason: "At most 25 invitations can be sent per day; 0 left today" });
    expect(checkDailyInvites({ sentToday: 20, adding: 6 })).toMatchObject({ ok: false, reason: "At most 25 invitations can be sent per day; 5 left today" });
  });

  it("checkSubOrgDepth: root is depth 1, the plan's depth included", () => {
    expect(checkSubOrgDepth({ plan: "pro", parentDepth: 3 })).toEqual(ok);
    expect(checkSubOrgDepth({ plan: "pro", parentDepth: 4 })).toEqual({ ok: false, code: "LIMIT", refusal: "PLAN_DEPTH", reason: "Organizations can be at most 4 levels deep on the Pro plan" });
    expect(checkSubOrgDepth({ plan: "free", parentDepth: 1 })).toEqual({ ok: false, code: "LIMIT", refusal: "PLAN_NO_SUB_ORGS", reason: "The Free plan does not include sub-organizations" });
    expect(checkSubOrgDepth({ plan: "plus", parentDepth: 1 }).ok).toBe(false);
    const raised = planLimits("business", { maxDepth: 6 });
    expect(checkSubOrgDepth({ plan: raised, parentDepth: 5 })).toEqual(ok);
    expect(checkSubOrgDepth({ plan: raised, parentDepth: 6 }).ok).toBe(false);
    expect(checkSubOrgDepth({ plan: "pro", parentDepth: 0 }).ok).toBe(false);
  });

  it("checkSubOrgCount", () => {
    expect(checkSubOrgCount({ plan: "pro", existingSubOrgs: 199 })).toEqual(ok);
    expect(checkSubOrgCount({ plan: "pro", existingSubOrgs: 200 })).toEqual({ ok: false, code: "LIMIT", refusal: "PLAN_SUB_ORG_LIMIT", reason: "The Pro plan allows at most 200 sub-organizations" });
    expect(checkSubOrgCount({ plan: "business", existingSubOrgs: 1_000_000 })).toEqual(ok);
    expect(checkSubOrgCount({ plan: "free", existingSubOrgs: 0 }).ok).toBe(false);
  });

  it(`checkTagLimit caps at ${MAX_TAGS_PER_USER} per user`, () => {
    expect(checkTagLimit({ tagsOnUser: 4, adding: 1 })).toEqual(ok);
    expect(checkTagLimit({ tagsOnUser: 5, adding: 0 })).toEqual(ok);
    expect(checkTagLimit({ tagsOnUser: 5, adding: 1, userName: "Ann Lee" })).toEqual({ ok: false, code: "LIMIT", refusal: "TAG_LIMIT", reason: "Ann Lee already has 5 tags; at most 5 are allowed" });
    expect(checkTagLimit({ tagsOnUser: 3, adding: 3 }).ok).toBe(false);
  });

  it("checkRoleCount: custom roles only on business, 9 roles in all", () => {
    expect(checkRoleCount({ plan: "business", rolesInTenant: 8, adding: 1 })).toEqual(ok);
    expect(checkRoleCount({ plan: "business", rolesInTenant: 9, adding: 1 })).toMatchObject({ ok: false, code: "LIMIT" });
    expect(checkRoleCount({ plan: "pro", rolesInTenant: 3, adding: 1 })).toEqual({ ok: false, code: "LIMIT", refusal: "PLAN_NO_CUSTOM_ROLES", reason: "The Pro plan has no custom roles" });
  });
});

describe("planBreaches: what keeps a tenant off a plan", () => {
  const fits = { users: 3, subOrgs: 0, depth: 1, roles: 3, customRoleNames: [], developers: 1, orgTypes: ["root"] } as const;

  it("is empty at every limit exactly", () => {
    expect(planBreaches("free", { ...fits, users: 5 })).toEqual([]);
    expect(planBreaches("pro", { ...fits, users: 100, subOrgs: 200, depth: 4, developers: 7, orgTypes: ["root", "client"] })).toEqual([]);
    expect(planBreaches("business", { ...fits, subOrgs: 1e6, roles: 9, customRoleNames: ["A", "B", "C", "D", "E", "F"], orgTypes: ["root", "installer"] })).toEqual([]);
  });

  it("names each limit one past it", () => {
    const limits = (plan: Parameters<typeof planBreaches>[0], usage: Partial<Parameters<typeof planBreaches>[1]>) => planBreaches(plan, { ...fits, ...usage }).map((b) => b.limit);
    expect(limits("free", { users: 6 })).toEqual(["maxUsers"]);
    expect(limits("pro", { subOrgs: 201 })).toEqual(["maxSubOrgs"]);
    expect(limits("pro", { depth: 5 })).toEqual(["maxDepth"]);
    expect(limits("business", { roles: 10 })).toEqual(["customRoles"]);
    expect(limits("pro", { roles: 4, customRoleNames: ["Tech"] })).toEqual(["customRoles"]);
    expect(limits("plus", { developers: 2 })).toEqual(["developers"]);
    expect(limits("pro", { orgTypes: ["root", "client", "reseller"] })).toEqual(["orgTypes"]);
    // On a plan without sub-orgs their count says it all; their types are not named again.
    expect(limits("free", { subOrgs: 2, depth: 2, orgTypes: ["root", "client"] })).toEqual(["maxSubOrgs", "maxDepth"]);
  });

  it("reads the tenant's effective limits", () => {
    expect(planBreaches(planLimits("business", { maxDepth: 6 }), { ...fits, depth: 6 })).toEqual([]);
    expect(planBreaches(planLimits("business", { maxUsers: 2 }), fits)).toEqual([{ limit: "maxUsers", message: "3 users, pending invitations included (Business allows 2)" }]);
  });
});
