import { describe, expect, it } from "vitest";
import { planHasSubOrgs, planLimits } from "./plans";

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
