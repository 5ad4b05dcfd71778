import { describe, expect, it } from "vitest";
import { ACTION_KEYS, type Action } from "./actions";
import { authorize, can } from "./authorize";
import type { Permission } from "./permissions";
import { NOT_FOUND_REASON } from "./result";
import { BUILTIN_ROLES, type BuiltinRole } from "./roles";
import { mayOpenOrg, reachesBelowOwnOrg } from "./scope";
import { deviceIn, orgAt, orgTarget, selfOf, tenantOf, userIn, viewerAt } from "./test-fixtures";
import type { DenyCode, OrgRef, PolicyResult, PolicyTarget, PolicyViewer } from "./types";

// Tenant "acme": root › c (the viewer's org) › g, and c's sibling s. Tenant "globex" elsewhere.
const ROOT = orgAt("acme/", "Acme Heating");
const OWN = orgAt("acme/c/", "Boilers Ltd");
const SUB = orgAt("acme/c/g/", "Gas Works");
const SIBLING = orgAt("acme/s/", "Solar Co");
const FOREIGN = orgAt("globex/", "Globex");
const RELATIONS = { same: OWN, sub: SUB, parent: ROOT, sibling: SIBLING, otherTenant: FOREIGN } as const;

// Expected decision per role, in the order admin, staff, user, under DEFAULT_GRANTS on pro:
// A allowed, F FORBIDDEN, N NOT_FOUND, C CONFLICT, L LIMIT. Written by hand from product.md
// §3-4: User holds nothing and cannot switch, so sub-orgs are N for it; parent, sibling and
// other tenant are N for everyone, whatever the permission.
const EXPECTED: Record<Action, { same: string; sub: string }> = {
  "users.view": { same: "AAF", sub: "AAN" },
  "users.view_log": { same: "AAF", sub: "AAN" },
  "users.invite": { same: "AAF", sub: "AAN" },
  "users.edit": { same: "AAF", sub: "AAN" },
  "users.change_role": { same: "AAF", sub: "AAN" },
  "users.change_password": { same: "AFF", sub: "AFN" },
  "users.force_logout": { same: "AAF", sub: "AAN" },
  "users.suspend": { same: "AFF", sub: "AFN" },
  "users.reactivate": { same: "AFF", sub: "AFN" },
  "users.transfer": { same: "AFF", sub: "AFN" },
  "users.delete": { same: "AFF", sub: "AFN" },
  "users.resend_invitation": { same: "AAF", sub: "AAN" },
  "users.revoke_invitation": { same: "AAF", sub: "AAN" },
  "users.export": { same: "AAF", sub: "AAN" },
  "users.send_device_log": { same: "AAF", sub: "AAN" },
  "tags.manage": { same: "AFF", sub: "AFN" },
  // Only in the root: "same" and "sub" are below it.
  "tags.edit": { same: "FFF", sub: "FFN" },
  "tags.apply": { same: "AFF", sub: "AFN" },
  "tags.remove": { same: "AFF", sub: "AFN" },
  // Self actions: "same" is the viewer's own record; anyone else is not found.
  "self.change_password": { same: "AAA", sub: "NNN" },
  "self.developer_mode": { same: "AFF", sub: "NNN" },
  "self.edit": { same: "AAA", sub: "NNN" },
  "devices.view": { same: "AAF", sub: "AAN" },
  "devices.control": { same: "AAF", sub: "AAN" },
  "devices.create": { same: "AAF", sub: "AAN" },
  "devices.edit": { same: "AAF", sub: "AAN" },
  "devices.delete": { same: "AFF", sub: "AFN" },
  "devices.transfer": { same: "AAF", sub: "AAN" },
  "orgs.switch": { same: "AAF", sub: "AAN" },
  // Parent c is at depth 2 and g at 3; pro allows depth 4.
  "orgs.create": { same: "AFF", sub: "AFN" },
  // The viewer's own org is edited through settings and can never be deleted by them.
  "orgs.edit": { same: "FFF", sub: "AFN" },
  "orgs.delete": { same: "FFF", sub: "AFN" },
  "org.settings": { same: "AAF", sub: "AAN" },
  // Pro has no self sign-up: the plan is named before anything else the viewer could fix.
  "org.self_signup": { same: "LLF", sub: "LLN" },
  "roles.view": { same: "AAF", sub: "AAN" },
  "roles.edit": { same: "AFF", sub: "AFN" },
  "locations.manage": { same: "AAF", sub: "AAN" },
  "locations.assign": { same: "AAF", sub: "AAN" },
  "audit.view": { same: "AFF", sub: "AFN" },
};

const LETTER: Record<DenyCode, string> = { NOT_FOUND: "N", FORBIDDEN: "F", CONFLICT: "C", LIMIT: "L" };
const letter = (r: PolicyResult): string => (r.ok ? "A" : LETTER[r.code]);

/** The natural target of each action in `org`: pending for invitations, suspended for reactivate. */
function targetFor(action: Action, viewer: PolicyViewer, org: OrgRef): PolicyTarget {
  if (action.startsWith("self.")) return org === OWN ? selfOf(viewer) : userIn(org);
  if (action.startsWith("devices.") && action !== "devices.create") return deviceIn(org);
  if (action === "users.resend_invitation" || action === "users.revoke_invitation") return userIn(org, { pending: true });
  if (action === "users.reactivate") return userIn(org, { suspended: true });
  if (action.startsWith("users.") && action !== "users.invite") return userIn(org);
  if (action === "tags.apply" || action === "tags.remove" || action === "locations.assign") return userIn(org);
  return orgTarget(org);
}

function row(action: Action, org: OrgRef): string {
  return BUILTIN_ROLES.map((role: BuiltinRole) => {
    const viewer = viewerAt({ org: OWN, role });
    return letter(authorize(viewer, action, targetFor(action, viewer, org)));
  }).join("");
}

describe("authorize: every action × default role × relation", () => {
  it("ACTIONS covers exactly the actions of the product spec", () => {
    expect([...ACTION_KEYS].sort()).toEqual(
      [
        "users.view", "users.view_log", "users.invite", "users.edit", "users.change_role", "users.change_password",
        "users.force_logout", "users.suspend", "users.reactivate", "users.transfer", "users.delete",
        "users.resend_invitation", "users.revoke_invitation", "users.export", "users.send_device_log", "tags.manage", "tags.edit", "tags.apply", "tags.remove", "self.change_password",
        "self.developer_mode", "self.edit", "devices.view", "devices.control", "devices.create", "devices.edit", "devices.delete", "devices.transfer",
        "orgs.switch", "orgs.create", "orgs.edit", "orgs.delete", "org.settings", "org.self_signup", "roles.view", "roles.edit",
        "locations.manage", "locations.assign", "audit.view",
      ].sort(),
    );
    expect(Object.keys(EXPECTED).sort()).toEqual([...ACTION_KEYS].sort());
  });

  for (const action of ACTION_KEYS) {
    it(`${action}: same org, sub-org, parent, sibling, other tenant`, () => {
      const expected = EXPECTED[action];
      expect({
        same: row(action, RELATIONS.same),
        sub: row(action, RELATIONS.sub),
        parent: row(action, RELATIONS.parent),
        sibling: row(action, RELATIONS.sibling),
        otherTenant: row(action, RELATIONS.otherTenant),
      }).toEqual({ same: expected.same, sub: expected.sub, parent: "NNN", sibling: "NNN", otherTenant: "NNN" });
    });
  }
});

describe("authorize: scope", () => {
  const admin = viewerAt({ org: OWN, role: "admin" });
  const notFound = { ok: false, code: "NOT_FOUND", refusal: "NOT_FOUND", reason: NOT_FOUND_REASON };

  it("answers every out-of-scope target with the same NOT_FOUND", () => {
    const cases: [Action, PolicyTarget][] = [
      ["users.delete", userIn(FOREIGN)],
      ["users.delete", userIn(ROOT)],
      ["users.delete", userIn(SIBLING)],
      ["users.delete", userIn(OWN, { tenantId: "globex" })],
      ["users.delete", userIn({ ...SUB, path: "acme/c/x/g/" })],
      ["users.delete", userIn({ ...OWN, path: "" })],
      ["users.delete", userIn({ ...OWN, tenantId: "globex" })],
      ["devices.delete", deviceIn(FOREIGN)],
      ["orgs.delete", orgTarget(orgAt("globex/x/"))],
      ["roles.edit", tenantOf(FOREIGN)],
      ["self.developer_mode", userIn(FOREIGN, { id: "v" })],
      ["self.change_password", userIn(OWN, { id: "someone-else" })],
    ];
    for (const [action, target] of cases) expect(authorize(admin, action, target), action).toEqual(notFound);
  });

  it("judges an org object again when its fields change after a check (no stale verdict)", () => {
    const org = { ...SUB };
    const target = userIn(org);
    expect(can(admin, "users.delete", target)).toBe(true);
    org.path = "acme/c/x/g/"; // no longer agrees with its depth and id
    expect(authorize(admin, "users.delete", target)).toEqual(notFound);
    org.path = SUB.path;
    expect(can(admin, "users.delete", target)).toBe(true);
    org.tenantId = "globex";
    expect(authorize(admin, "users.delete", target)).toEqual(notFound);
  });

  it("does not confuse ids that are string prefixes of each other", () => {
    const c1 = viewerAt({ org: orgAt("acme/c1/"), role: "admin" });
    expect(authorize(c1, "users.delete", userIn(orgAt("acme/c10/")))).toEqual(notFound);
    expect(can(c1, "users.delete", userIn(orgAt("acme/c1/x/")))).toBe(true);
  });

  it("reaches below its own org only with 'Switch to sub-organizations'", () => {
    const noSwitch = viewerAt({ org: OWN, role: "admin", grants: ["users.view", "users.delete"] });
    expect(can(noSwitch, "users.delete", userIn(OWN))).toBe(true);
    expect(authorize(noSwitch, "users.delete", userIn(SUB))).toEqual(notFound);
  });

  it("opens an org by the own org's 'Switch' grant, and acts there by the shown org's grants", () => {
    const shownWithoutSwitch = new Set<Permission>(["users.view", "users.delete"]);
    const inSub = { ...viewerAt({ org: ROOT, current: OWN, role: "admin", grants: shownWithoutSwitch }), ownOrgGrants: new Set<Permission>(["orgs.switch"]) };
    expect(mayOpenOrg(inSub, OWN)).toBe(true);
    expect(mayOpenOrg(inSub, SUB)).toBe(true);
    expect(reachesBelowOwnOrg(inSub)).toBe(true);
    // The shown org's grants lack "Switch": its actions answer as before, not found.
    expect(authorize(inSub, "users.delete", userIn(OWN))).toEqual(notFound);
    const noSwitchAtHome = { ...viewerAt({ org: ROOT, role: "admin" }), ownOrgGrants: new Set<Permission>(["users.view"]) };
    expect(mayOpenOrg(noSwitchAtHome, ROOT)).toBe(true);
    expect(mayOpenOrg(noSwitchAtHome, OWN)).toBe(false);
    expect(mayOpenOrg(noSwitchAtHome, orgAt("other/"))).toBe(false);
  });

  it("limits targets to the current org's subtree, but lets the viewer switch anywhere in reach", () => {
    const switched = viewerAt({ org: ROOT, current: OWN, role: "admin" });
    expect(can(switched, "users.delete", userIn(SUB))).toBe(true);
    expect(authorize(switched, "users.delete", userIn(ROOT))).toEqual(notFound);
    expect(authorize(switched, "users.delete", userIn(SIBLING))).toEqual(notFound);
    expect(can(switched, "orgs.switch", orgTarget(SIBLING))).toBe(true);
    expect(can(switched, "orgs.switch", orgTarget(ROOT))).toBe(true);
    expect(authorize(switched, "orgs.switch", orgTarget(FOREIGN))).toEqual(notFound);
    expect(can(switched, "roles.edit", tenantOf(OWN))).toBe(true);
  });

  it("refuses everything when the current org is outside the viewer's reach", () => {
    const lost = viewerAt({ org: OWN, current: ROOT, role: "admin" });
    expect(authorize(lost, "users.view", userIn(OWN))).toEqual(notFound);
    expect(authorize(lost, "orgs.switch", orgTarget(OWN))).toEqual(notFound);
  });

  it("refuses unknown actions and wrong target kinds with FORBIDDEN, never throwing", () => {
    for (const action of ["", "toString", "__proto__", "constructor", "hasOwnProperty", "USERS.VIEW", "users.view ", "users.*"]) {
      expect(authorize(admin, action as Action, userIn(OWN))).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    expect(authorize(admin, "users.delete", orgTarget(OWN))).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(authorize(admin, "orgs.delete", userIn(SUB))).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(authorize(admin, "users.delete", null as unknown as PolicyTarget)).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("names the missing permission", () => {
    const staff = viewerAt({ org: OWN, role: "staff" });
    expect(authorize(staff, "users.delete", userIn(OWN))).toEqual({ ok: false, code: "FORBIDDEN", refusal: "MISSING_PERMISSION", reason: 'You need the "Delete users" permission' });
  });
});
