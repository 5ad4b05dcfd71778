import { describe, expect, it } from "vitest";
import { planHasSubOrgs, planLimits, planShowsPermission } from "./plans";

describe("planHasSubOrgs", () => {
  it.each([
    ["free", false],
    ["plus", false],
    ["pro", true],
    ["business", true],
  ] as const)("%s: %s", (plan, expected) => {
    expect(planHasSubOrgs(plan)).toBe(expected);
  });

  it("follows the operator's overrides", () => {
    expect(planHasSubOrgs(planLimits("free", { maxDepth: 2, maxSubOrgs: 3 }))).toBe(true);
    expect(planHasSubOrgs(planLimits("pro", { maxSubOrgs: 0 }))).toBe(false);
    expect(planHasSubOrgs(planLimits("pro", { maxDepth: 1 }))).toBe(false);
  });
});

describe("planShowsPermission", () => {
  it("leaves the sub-organization permissions out on a plan without sub-organizations, and nothing else", () => {
    for (const key of ["orgs.switch", "orgs.create", "orgs.edit", "orgs.delete"] as const) {
      expect(planShowsPermission("free", key)).toBe(false);
      expect(planShowsPermission("pro", key)).toBe(true);
    }
    for (const key of ["org.settings", "users.view", "audit.view", "org_devices.view"] as const) expect(planShowsPermission("free", key)).toBe(true);
  });
});
