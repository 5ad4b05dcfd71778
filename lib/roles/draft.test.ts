import { describe, expect, it } from "vitest";
import { PERMISSION_KEYS, missingDependencies, type Permission } from "@/lib/policy/permissions";
import { describeGrantChange, grantChanges, toggleGrant } from "./draft";

const set = (...p: Permission[]) => new Set<Permission>(p);
const sorted = (s: ReadonlySet<Permission>) => [...s].sort();
const USERS_DEPENDANTS: Permission[] = ["users.invite", "users.edit", "users.change_password", "users.force_logout", "users.suspend", "users.transfer", "users.delete", "users.export", "users.view_log", "tags.manage", "users.send_device_log"];

describe("toggleGrant", () => {
  const staff = set("roles.view", "users.view", "users.invite", "users.edit", "users.suspend", "tags.manage", "own_devices.view");

  it("unticking a permission also unticks everything that needs it", () => {
    const next = toggleGrant(staff, staff, "users.view", false);
    expect(sorted(next)).toEqual(["own_devices.view", "roles.view"]);
    expect(missingDependencies(next)).toEqual([]);
  });

  it("re-ticking it in the same edit restores exactly what its removal took", () => {
    const off = toggleGrant(staff, staff, "users.view", false);
    expect(sorted(toggleGrant(staff, off, "users.view", true))).toEqual(sorted(staff));
  });

  it("restores only what the role held before the edit, not every dependant", () => {
    const off = toggleGrant(staff, staff, "users.view", false);
    const back = toggleGrant(staff, off, "users.view", true);
    for (const p of USERS_DEPENDANTS.filter((d) => !staff.has(d))) expect(back.has(p)).toBe(false);
  });

  it("keeps a dependant the edit itself added while its requirement stays", () => {
    const withExport = toggleGrant(staff, staff, "users.export", true);
    expect(withExport.has("users.export")).toBe(true);
    expect(withExport.has("users.view")).toBe(true);
  });

  it("ticking a permission also ticks what it needs, and nothing else of the original", () => {
    const none = set();
    expect(sorted(toggleGrant(staff, none, "users.invite", true))).toEqual(["users.invite", "users.view"]);
  });

  it("leaves other permissions and the inputs untouched", () => {
    const current = set(...staff);
    toggleGrant(staff, current, "users.view", false);
    expect(sorted(current)).toEqual(sorted(staff));
    expect(toggleGrant(staff, staff, "org_devices.view", false).has("users.invite")).toBe(true);
  });

  it("a permission needing two others (Send device logs) goes with either, and comes back only once both are back", () => {
    const sender = set("users.view", "org_devices.view", "users.send_device_log", "org_devices.edit");
    expect(sorted(toggleGrant(sender, sender, "org_devices.view", false))).toEqual(["users.view"]);
    expect(sorted(toggleGrant(sender, sender, "users.view", false))).toEqual(["org_devices.edit", "org_devices.view"]);
    const neither = toggleGrant(sender, toggleGrant(sender, sender, "users.view", false), "org_devices.view", false);
    expect(sorted(neither)).toEqual([]);
    const one = toggleGrant(sender, neither, "users.view", true);
    expect(sorted(one)).toEqual(["users.view"]);
    expect(sorted(toggleGrant(sender, one, "org_devices.view", true))).toEqual(sorted(sender));
    expect(sorted(toggleGrant(set(), set(), "users.send_device_log", true))).toEqual(["org_devices.view", "users.send_device_log", "users.view"]);
  });

  it("every toggle of every permission leaves a consistent set", () => {
    const all = set(...PERMISSION_KEYS);
    for (const p of PERMISSION_KEYS) {
      for (const on of [true, false]) {
        expect(missingDependencies(toggleGrant(all, staff, p, on))).toEqual([]);
        expect(missingDependencies(toggleGrant(staff, set(), p, on))).toEqual([]);
      }
    }
  });
});

describe("grantChanges", () => {
  it("names, per changed role, what it gains and loses by label, in catalogue order", () => {
    const changes = grantChanges([
      { name: "Staff", original: set("users.view", "users.invite", "users.edit"), next: set("roles.view") },
      { name: "User", original: set("users.view"), next: set("users.view", "own_devices.view", "own_devices.control") },
      { name: "Admin", original: set("users.view"), next: set("users.view") },
    ]);
    expect(changes).toEqual([
      { role: "Staff", gains: ["View roles and permissions"], loses: ["View users", "Invite users", "Edit users"] },
      { role: "User", gains: ["View own devices", "Control own devices"], loses: [] },
    ]);
    expect(changes.flatMap(describeGrantChange)).toEqual([
      "Staff gains: View roles and permissions",
      "Staff loses: View users, Invite users, Edit users",
      "User gains: View own devices, Control own devices",
    ]);
  });

  it("is empty when a re-tick brought everything back", () => {
    const staff = set("users.view", "users.invite");
    const back = toggleGrant(staff, toggleGrant(staff, staff, "users.view", false), "users.view", true);
    expect(grantChanges([{ name: "Staff", original: staff, next: back }])).toEqual([]);
  });
});
