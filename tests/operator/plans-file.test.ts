// ROSTER_PLANS_FILE: what a good file puts in force, and the exact message a wrong one stops the start with.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { installPlansFile, readPlansFile } from "@/lib/plans/file";
import { checkUserLimit, installPlans, planLimits, PLANS } from "@/lib/policy";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "roster-plans-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  installPlans({});
});

let n = 0;
function file(content: unknown): string {
  const at = path.join(dir, `plans-${n++}.json`);
  fs.writeFileSync(at, typeof content === "string" ? content : JSON.stringify(content));
  return at;
}

const refusal = (at: string) => {
  try {
    readPlansFile(at);
  } catch (error) {
    return (error as Error).message;
  }
  return "accepted";
};

describe("the operator's plans file", () => {
  it("overrides the numeric limits it names, for every reader of the plans, and nothing else", () => {
    installPlansFile(file({ plans: { business: { maxUsers: 50_000, maxDepth: 6, maxSubOrgs: null }, free: { maxUsers: 3, customRoles: 0 } } }));
    expect(planLimits("business")).toEqual({ ...PLANS.business, maxUsers: 50_000, maxDepth: 6 });
    expect(planLimits("free")).toEqual({ ...PLANS.free, maxUsers: 3 });
    expect(planLimits("pro")).toBe(PLANS.pro);
    expect(checkUserLimit({ plan: "free", usersInTenant: 3, adding: 1 })).toMatchObject({ ok: false, reason: "The Free plan allows at most 3 users, pending invitations included (3 used)" });
    installPlansFile(undefined);
    expect(planLimits("business")).toBe(PLANS.business);
  });

  it.each([
    [{ plans: { business: { maxUsers: 0 } } }, "plans.business.maxUsers: expected a whole number ≥ 1"],
    [{ plans: { business: { maxUsers: "5000" } } }, "plans.business.maxUsers: expected a whole number ≥ 1"],
    [{ plans: { pro: { maxSubOrgs: 2.5 } } }, "plans.pro.maxSubOrgs: expected a whole number ≥ 0"],
    [{ plans: { business: { maxDepth: 9 } } }, "plans.business.maxDepth: expected a whole number from 1 to 8"],
    [{ plans: { business: { customRoles: 3 } } }, "plans.business.customRoles: expected 0 (no custom roles) or a whole number ≥ 4 (roles in all, the three built-in ones included)"],
    [{ plans: { plus: { maxDepth: 2, maxSubOrgs: 5 } } }, "plans.plus.maxSubOrgs: expected 0: the Plus plan offers no sub-organization types\nROSTER_PLANS_FILE: plans.plus.maxDepth: expected 1: the Plus plan offers no sub-organization types"],
    [{ plans: { pro: { label: "Professional" } } }, "plans.pro.label: unknown field (expected one of maxUsers, maxSubOrgs, maxDepth, customRoles)"],
    [{ plans: { enterprise: { maxUsers: 5 } } }, "plans.enterprise: unknown field (expected one of free, plus, pro, business)"],
    [{ plans: { pro: 100 } }, "plans.pro: expected an object"],
    [{ pro: { maxUsers: 5 } }, 'plans: missing\nROSTER_PLANS_FILE: pro: unknown field (expected one of "plans")'],
    ["[]", "the file: expected an object"],
  ])("refuses %j, naming the field", (content, message) => {
    expect(refusal(file(content))).toBe(`ROSTER_PLANS_FILE: ${message}`);
  });

  it("refuses a file that is not JSON or not there, saying so", () => {
    const broken = file("{ plans: }");
    expect(refusal(broken)).toMatch(new RegExp(`^ROSTER_PLANS_FILE: ${broken} is not valid JSON \\(.+\\)$`));
    expect(refusal(path.join(dir, "missing.json"))).toBe(`ROSTER_PLANS_FILE: cannot read ${path.join(dir, "missing.json")} (ENOENT)`);
  });

  it("leaves the plans in force as they were when a file is refused", () => {
    installPlans({ free: { maxUsers: 4 } });
    expect(() => installPlansFile(file({ plans: { free: { maxUsers: -1 } } }))).toThrow(/plans\.free\.maxUsers/);
    expect(planLimits("free").maxUsers).toBe(4);
  });
});
