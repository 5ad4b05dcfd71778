import { describe, expect, it } from "vitest";
import { isPermission, missingDependencies, PERMISSION_DEPENDENCIES, PERMISSION_GROUPS, PERMISSION_KEYS, PERMISSIONS, withDependencies } from "./permissions";
import { installPlans, isPlanKey, ORG_TYPES, PLAN_KEYS, planLimits, PLANS, plansInForce } from "./plans";
import { BUILTIN_ROLES, DEFAULT_GRANTS, isAdminRole, ROLE_LABELS } from "./roles";

describe("permission catalogue", () => {
  // product.md §3's 28 (developers.manage comes with the Platform API) and org_devices.edit: the
  // device profile's Edit, which Blynk's catalogue has and product.md's does not name.
  it("holds 29 permissions: product.md §3 but developers.manage, and org_devices.edit, grouped in its order", () => {
    expect(PERMISSION_KEYS).toEqual([
      "roles.view", "roles.edit",
      "users.view", "users.invite", "users.edit", "users.change_password", "users.force_logout", "users.suspend",
      "users.transfer", "users.delete", "users.export", "users.view_log", "tags.manage", "users.send_device_log",
      "own_devices.view", "own_devices.control",
      "org_devices.view", "org_devices.control", "org_devices.edit", "org_devices.create", "org_devices.delete", "devices.transfer",
      "org.settings", "orgs.switch", "orgs.create", "orgs.edit", "orgs.delete", "locations.manage", "audit.view",
    ]);
    expect(PERMISSION_GROUPS.map((g) => g.label)).toEqual(["Roles", "Users", "Own devices", "Organization devices", "Organization"]);
    expect(PERMISSION_GROUPS.flatMap((g) => g.keys)).toEqual(PERMISSION_KEYS);
    const labels = PERMISSION_KEYS.map((p) => PERMISSIONS[p].label);
    expect(new Set(labels).size).toBe(29);
  });

  it("recognises only its own keys", () => {
    expect(isPermission("users.view")).toBe(true);
    for (const x of ["toString", "__proto__", "users", "", null, 1, "USERS.VIEW"]) expect(isPermission(x)).toBe(false);
  });

  it("knows the dependencies of product.md §3", () => {
    for (const p of PERMISSION_KEYS) {
      if (p === "users.send_device_log") expect(PERMISSION_DEPENDENCIES[p]).toEqual(["users.view", "org_devices.view"]);
      else if ((p.startsWith("users.") && p !== "users.view") || p === "tags.manage") expect(PERMISSION_DEPENDENCIES[p], p).toEqual(["users.view"]);
    }
    expect(withDependencies(["users.delete", "orgs.create", "nonsense"])).toEqual(["users.view", "users.delete", "orgs.switch", "orgs.create"]);
    expect(withDependencies(["org_devices.control", "own_devices.control", "roles.edit"])).toEqual([
      "roles.view", "roles.edit", "own_devices.view", "own_devices.control", "org_devices.view", "org_devices.control",
    ]);
    expect(missingDependencies(["devices.transfer", "orgs.delete", "orgs.switch"])).toEqual([{ permission: "devices.transfer", requires: "org_devices.view" }]);
    expect(missingDependencies(withDependencies(PERMISSION_KEYS))).toEqual([]);
  });
});

describe("default roles", () => {
  it("grants Admin everything, Staff the ✔ column, User nothing", () => {
    expect(BUILTIN_ROLES).toEqual(["admin", "staff", "user"]);
    expect(ROLE_LABELS).toEqual({ admin: "Admin", staff: "Staff", user: "User" });
    expect(DEFAULT_GRANTS.admin).toEqual(PERMISSION_KEYS);
    expect([...DEFAULT_GRANTS.staff].sort()).toEqual(
      [
        "roles.view", "users.view", "users.invite", "users.edit", "users.force_logout", "users.export", "users.view_log", "users.send_device_log",
        "own_devices.view", "own_devices.control", "org_devices.view", "org_devices.control", "org_devices.edit", "org_devices.create",
        "devices.transfer", "org.settings", "orgs.switch", "locations.manage",
      ].sort(),
    );
    expect(DEFAULT_GRANTS.user).toEqual([]);
    for (const role of BUILTIN_ROLES) expect(missingDependencies(DEFAULT_GRANTS[role]), role).toEqual([]);
  });

  it("cannot be changed at run time by a careless caller", () => {
    expect(() => (DEFAULT_GRANTS.user as string[]).push("users.view")).toThrow();
    expect(() => ((PLANS.free as { maxUsers: number }).maxUsers = 1e6)).toThrow();
  });

  it("recognises Admin by key", () => {
    expect(isAdminRole("admin")).toBe(true);
    expect(isAdminRole("Admin")).toBe(false);
    expect(isAdminRole("staff")).toBe(false);
  });
});

describe("plans", () => {
  it("match the table of product.md §1", () => {
    expect(PLAN_KEYS).toEqual(["free", "plus", "pro", "business"]);
    const row = (k: (typeof PLAN_KEYS)[number]) => {
      const p = PLANS[k];
      return [p.maxUsers, p.developers, p.maxSubOrgs, p.maxDepth, p.permissionsEditable, p.customRoles, p.selfSignUp, p.orgTypes];
    };
    expect(row("free")).toEqual([5, "one_per_tenant", 0, 1, false, 0, false, ["root"]]);
    expect(row("plus")).toEqual([10, "one_per_tenant", 0, 1, false, 0, false, ["root"]]);
    expect(row("pro")).toEqual([100, "many_admins", 200, 4, true, 0, false, ["root", "client"]]);
    expect(row("business")).toEqual([10_000, "many_admins", null, 4, true, 9, true, [...ORG_TYPES]]);
  });

  it("take the operator's table over the defaults, for this process, until it is replaced", () => {
    try {
      const table = installPlans({ business: { maxUsers: 50_000, maxDepth: 6 }, free: { maxUsers: 3 } });
      expect(plansInForce()).toBe(table);
      expect(planLimits("business")).toMatchObject({ maxUsers: 50_000, maxDepth: 6, customRoles: 9, label: "Business" });
      expect(planLimits("free").maxUsers).toBe(3);
      expect(planLimits("pro")).toEqual(PLANS.pro);
      // A tenant's own overrides still go over the operator's table.
      expect(planLimits("business", { maxUsers: 20 }).maxUsers).toBe(20);
      expect(() => ((table.free as { maxUsers: number }).maxUsers = 1e6)).toThrow();
    } finally {
      installPlans({});
    }
    expect(planLimits("business").maxUsers).toBe(10_000);
  });

  it("take the operator's overrides and ignore invalid ones", () => {
    expect(planLimits("business", { maxUsers: 50_000, maxDepth: 6 })).toMatchObject({ maxUsers: 50_000, maxDepth: 6, label: "Business" });
    expect(planLimits("pro", { maxSubOrgs: null }).maxSubOrgs).toBeNull();
    expect(planLimits("pro", { maxUsers: -1, maxDepth: 0, maxSubOrgs: 2.5, bogus: 3 })).toEqual(PLANS.pro);
    expect(planLimits("pro", null)).toBe(PLANS.pro);
    expect(planLimits("enterprise" as never)).toBe(PLANS.free);
    expect(isPlanKey("pro")).toBe(true);
    expect(isPlanKey("constructor")).toBe(false);
  });
});
