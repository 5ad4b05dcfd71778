import { describe, expect, it } from "vitest";
import type { Action } from "./actions";
import { assertAuthorized, authorize, can, devicesInSight, heldPermissions, may } from "./authorize";
import { PolicyError } from "./errors";
import { PERMISSION_KEYS, type Permission } from "./permissions";
import { DEFAULT_GRANTS } from "./roles";
import { planLimits } from "./plans";
import type { Refusal } from "./refusals";
import { deviceIn, orgAt, orgTarget, selfOf, tenantOf, userIn, viewerAt } from "./test-fixtures";

const ROOT = orgAt("acme/", "Acme Heating");
const OWN = orgAt("acme/c/", "Boilers Ltd");
const SUB = orgAt("acme/c/g/", "Gas Works");
const DEEP = orgAt("acme/c/g/h/", "Heat Pumps");
const FOREIGN = orgAt("globex/", "Globex");

const admin = viewerAt({ org: OWN, role: "admin" });
const staff = viewerAt({ org: OWN, role: "staff" });
// A pro tenant may grant Staff more; the role rules must hold even then.
const powerStaff = viewerAt({ org: OWN, role: "staff", grants: DEFAULT_GRANTS.admin });
const forbidden = (refusal: Refusal, reason: string) => ({ ok: false, code: "FORBIDDEN", refusal, reason });

describe("only an Admin makes an Admin", () => {
  it("refuses the admin role from a non-admin in invite, edit, change role and transfer", () => {
    const onlyAdmin = forbidden("ROLE_ABOVE_YOURS", "Only an Admin can make someone an Admin");
    expect(authorize(staff, "users.invite", orgTarget(OWN), { role: "admin" })).toEqual(onlyAdmin);
    expect(authorize(staff, "users.change_role", userIn(OWN), { role: "admin" })).toEqual(onlyAdmin);
    expect(authorize(staff, "users.edit", userIn(OWN), { role: "admin" })).toEqual(onlyAdmin);
    expect(authorize(powerStaff, "users.transfer", userIn(OWN), { destination: SUB, role: "admin" })).toEqual(onlyAdmin);
  });

  it("lets a non-admin give roles that hold no more than they do, custom ones included, and an Admin give any", () => {
    const roleGrants = new Map<string, ReadonlySet<Permission>>([
      ["installer_lead", new Set<Permission>(["users.view", "own_devices.view"])],
      ["guest", new Set<Permission>()],
      ["deleter", new Set<Permission>(["users.view", "users.delete"])],
    ]);
    const staffHere = { ...staff, roleGrants };
    for (const role of ["user", "staff", "installer_lead"]) {
      expect(can(staffHere, "users.invite", orgTarget(OWN), { role })).toBe(true);
      expect(can(staffHere, "users.change_role", userIn(OWN, { role: "guest" }), { role })).toBe(true);
    }
    // A custom role holding a permission Staff lacks is above Staff: not given, not acted on.
    expect(authorize(staffHere, "users.invite", orgTarget(OWN), { role: "deleter" })).toEqual(forbidden("ROLE_ABOVE_YOURS", "You cannot give a role above your own"));
    expect(authorize(staffHere, "users.edit", userIn(OWN, { role: "deleter" }))).toEqual(forbidden("ROLE_ABOVE_YOURS", "You cannot edit someone whose role is above yours"));
    // A role whose grants are not known is taken to be above.
    expect(can(staff, "users.invite", orgTarget(OWN), { role: "unknown_role" })).toBe(false);
    expect(can(admin, "users.invite", orgTarget(SUB), { role: "admin" })).toBe(true);
    expect(can(admin, "users.change_role", userIn(SUB), { role: "admin" })).toBe(true);
    expect(can(admin, "users.transfer", userIn(OWN), { destination: SUB, role: "admin" })).toBe(true);
  });

  it("refuses a role change to the role the user already has (CONFLICT), so no audit row claims one", () => {
    const already = { ok: false, code: "CONFLICT", refusal: "SAME_ROLE", reason: "This user already has that role" };
    expect(authorize(staff, "users.change_role", userIn(OWN, { role: "staff" }), { role: "staff" })).toEqual(already);
    expect(authorize(admin, "users.change_role", userIn(SUB, { role: "admin" }), { role: "admin" })).toEqual(already);
    // Who may act is still asked first: Staff on an Admin hears "only an Admin", not "already".
    expect(authorize(staff, "users.change_role", userIn(OWN, { role: "admin" }), { role: "admin" })).toEqual(forbidden("ROLE_ABOVE_YOURS", "Only an Admin can change the role of an Admin"));
  });

  it("keeps a non-admin's hands off Admins, whatever their grants", () => {
    const anAdmin = userIn(OWN, { role: "admin" });
    const cases: [Action, string][] = [
      ["users.change_role", "change the role of"],
      ["users.change_password", "change the password of"],
      ["users.force_logout", "log out"],
      ["users.suspend", "suspend"],
      ["users.delete", "delete"],
      ["users.transfer", "transfer"],
    ];
    for (const [action, verb] of cases) {
      expect(authorize(powerStaff, action, anAdmin, { role: "staff" }), action).toEqual(forbidden("ROLE_ABOVE_YOURS", `Only an Admin can ${verb} an Admin`));
      expect(can(admin, action, anAdmin), action).toBe(true);
    }
    expect(authorize(powerStaff, "users.reactivate", { ...anAdmin, suspended: true })).toEqual(forbidden("ROLE_ABOVE_YOURS", "Only an Admin can reactivate an Admin"));
    expect(can(powerStaff, "users.revoke_invitation", { ...anAdmin, pending: true })).toBe(false);
    // Not even their name or phone (security.md issue 17, item 4): nobody edits a role above theirs.
    expect(authorize(powerStaff, "users.edit", anAdmin)).toEqual(forbidden("ROLE_ABOVE_YOURS", "Only an Admin can edit an Admin"));
    expect(authorize(powerStaff, "users.edit", anAdmin, { role: "admin" })).toEqual(forbidden("ROLE_ABOVE_YOURS", "Only an Admin can edit an Admin"));
    expect(authorize(powerStaff, "tags.apply", anAdmin)).toEqual(forbidden("ROLE_ABOVE_YOURS", "Only an Admin can tag an Admin"));
    expect(authorize(powerStaff, "users.resend_invitation", { ...anAdmin, pending: true })).toEqual(forbidden("ROLE_ABOVE_YOURS", "Only an Admin can resend the invitation of an Admin"));
    // Reading stays: Staff still sees the Admin in the table, their profile and their log.
    for (const action of ["users.view", "users.view_log", "users.export"] as const) expect(can(powerStaff, action, anAdmin), action).toBe(true);
  });

  it("keeps a User's hands off Staff, and lets equals act on each other", () => {
    // A User granted the users permissions only: Staff holds more (devices, settings), so is above.
    const usersOnly = PERMISSION_KEYS.filter((p) => p.startsWith("users."));
    const powerUser = viewerAt({ org: OWN, role: "user", grants: usersOnly });
    const aStaff = userIn(OWN, { role: "staff" });
    expect(authorize(powerUser, "users.edit", aStaff)).toEqual(forbidden("ROLE_ABOVE_YOURS", "You cannot edit someone whose role is above yours"));
    expect(authorize(powerUser, "users.force_logout", aStaff)).toEqual(forbidden("ROLE_ABOVE_YOURS", "You cannot log out someone whose role is above yours"));
    expect(authorize(powerUser, "users.change_role", userIn(OWN, { role: "user" }), { role: "staff" })).toEqual(forbidden("ROLE_ABOVE_YOURS", "You cannot give a role above your own"));
    expect(can(staff, "users.edit", aStaff)).toBe(true);
    expect(can(powerStaff, "users.edit", userIn(OWN, { role: "lead" }))).toBe(false);
    expect(can({ ...powerStaff, roleGrants: new Map([["lead", new Set<Permission>(["users.view"])]]) }, "users.edit", userIn(OWN, { role: "lead" }))).toBe(true);
  });
});

describe("destructive actions on yourself go through your profile", () => {
  const me = selfOf(admin);
  const viaProfile = forbidden("OWN_ACCOUNT", "Change your own account from your profile, not the users table");

  it("refuses them through the users table", () => {
    for (const action of ["users.delete", "users.suspend", "users.change_role", "users.transfer", "users.force_logout", "users.change_password"] as const) {
      expect(authorize(admin, action, me, { role: "user", destination: SUB }), action).toEqual(viaProfile);
    }
    expect(authorize(admin, "users.edit", me, { role: "staff" })).toEqual(viaProfile);
  });

  it("allows editing your own details and the self-service actions", () => {
    expect(can(admin, "users.edit", me)).toBe(true);
    expect(can(admin, "users.edit", me, { role: "admin" })).toBe(true);
    expect(can(admin, "self.change_password", me)).toBe(true);
    expect(can(viewerAt({ org: OWN, role: "user" }), "self.change_password", selfOf(viewerAt({ org: OWN, role: "user" })))).toBe(true);
  });

  it("works from a switched org too", () => {
    const switched = viewerAt({ org: OWN, current: SUB, role: "admin" });
    expect(can(switched, "self.developer_mode", selfOf(switched))).toBe(true);
  });
});

describe("developer mode is for Admins only", () => {
  it("refuses Staff and User even with every grant, and any record but one's own", () => {
    expect(authorize(powerStaff, "self.developer_mode", selfOf(powerStaff))).toEqual(forbidden("DEVELOPER_ADMIN_ONLY", "Only Admins can use developer mode"));
    const user = viewerAt({ org: OWN, role: "user" });
    expect(can(user, "self.developer_mode", selfOf(user))).toBe(false);
    expect(can(admin, "self.developer_mode", selfOf(admin))).toBe(true);
    expect(authorize(admin, "self.developer_mode", userIn(OWN, { role: "admin" }))).toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("row state", () => {
  it("resends and revokes only pending invitations", () => {
    const accepted = { ok: false, code: "CONFLICT", refusal: "ALREADY_ACCEPTED", reason: "This user has already accepted the invitation" };
    expect(authorize(staff, "users.resend_invitation", userIn(OWN))).toEqual(accepted);
    expect(authorize(staff, "users.revoke_invitation", userIn(OWN))).toEqual(accepted);
    expect(can(staff, "users.resend_invitation", userIn(OWN, { pending: true }))).toBe(true);
    expect(can(staff, "users.revoke_invitation", userIn(OWN, { pending: true }))).toBe(true);
  });

  it("suspends the active, reactivates the suspended, and sets no password for the pending", () => {
    expect(authorize(admin, "users.suspend", userIn(OWN, { suspended: true }))).toMatchObject({ code: "CONFLICT" });
    expect(authorize(admin, "users.reactivate", userIn(OWN))).toMatchObject({ code: "CONFLICT" });
    expect(can(admin, "users.suspend", userIn(OWN))).toBe(true);
    expect(can(admin, "users.reactivate", userIn(OWN, { suspended: true }))).toBe(true);
    expect(authorize(admin, "users.change_password", userIn(OWN, { pending: true }))).toMatchObject({ code: "CONFLICT" });
    expect(authorize(admin, "users.force_logout", userIn(OWN, { pending: true }))).toMatchObject({ code: "CONFLICT" });
  });

  it("transfers a user only to another org in reach", () => {
    expect(can(admin, "users.transfer", userIn(OWN), { destination: SUB, role: "user" })).toBe(true);
    expect(authorize(admin, "users.transfer", userIn(OWN), { destination: OWN })).toEqual({ ok: false, code: "CONFLICT", refusal: "ALREADY_IN_ORG", reason: "This user is already in Boilers Ltd" });
    expect(authorize(admin, "users.transfer", userIn(OWN), { destination: ROOT })).toMatchObject({ code: "NOT_FOUND" });
    expect(authorize(admin, "users.transfer", userIn(OWN), { destination: FOREIGN })).toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("plans", () => {
  it("locks permissions on free and plus, and opens them on pro and business", () => {
    for (const [plan, label] of [["free", "Free"], ["plus", "Plus"]] as const) {
      const v = viewerAt({ org: ROOT, role: "admin", plan });
      const locked = forbidden("PERMISSIONS_LOCKED", `Permissions are locked on the ${label} plan; change a person's role to change what they may do`);
      expect(authorize(v, "roles.edit", tenantOf(ROOT))).toEqual(locked);
      expect(authorize(v, "roles.edit", orgTarget(ROOT))).toEqual(locked);
      expect(can(v, "roles.view", tenantOf(ROOT))).toBe(true);
    }
    for (const plan of ["pro", "business"] as const) expect(can(viewerAt({ org: ROOT, role: "admin", plan }), "roles.edit", tenantOf(ROOT))).toBe(true);
  });

  it("creates sub-orgs only where the plan, the depth and the parent allow", () => {
    const free = viewerAt({ org: ROOT, role: "admin", plan: "free" });
    expect(authorize(free, "orgs.create", orgTarget(ROOT))).toEqual({ ok: false, code: "LIMIT", refusal: "PLAN_NO_SUB_ORGS", reason: "The Free plan does not include sub-organizations" });
    expect(can(admin, "orgs.create", orgTarget(SUB), { orgType: "client" })).toBe(true);
    expect(authorize(admin, "orgs.create", orgTarget(DEEP))).toEqual({ ok: false, code: "LIMIT", refusal: "PLAN_DEPTH", reason: "Organizations can be at most 4 levels deep on the Pro plan" });
    expect(authorize(admin, "orgs.create", orgTarget(SUB, { canCreateSubOrgs: false }))).toEqual(forbidden("SUB_ORGS_NOT_ALLOWED", "Gas Works does not allow sub-organizations"));
    expect(authorize(admin, "orgs.create", orgTarget(SUB), { orgType: "distributor" })).toMatchObject({ code: "LIMIT" });
    expect(authorize(admin, "orgs.create", orgTarget(SUB), { orgType: "root" })).toMatchObject({ code: "FORBIDDEN" });
    const business = { ...viewerAt({ org: OWN, role: "admin", plan: "business" }), limits: planLimits("business", { maxDepth: 5 }) };
    expect(can(business, "orgs.create", orgTarget(DEEP), { orgType: "distributor" })).toBe(true);
  });

  it("never deletes the root or the viewer's own org", () => {
    const rootAdmin = viewerAt({ org: ROOT, role: "admin" });
    expect(authorize(rootAdmin, "orgs.delete", orgTarget(ROOT))).toEqual(forbidden("ROOT_ORG", "The root organization cannot be deleted"));
    expect(authorize(admin, "orgs.delete", orgTarget(OWN))).toEqual(forbidden("OWN_ORG", "You cannot delete your own organization"));
    expect(can(rootAdmin, "orgs.delete", orgTarget(OWN))).toBe(true);
  });
});

describe("the tenant's tags", () => {
  it("are created anywhere with tags.manage, but renamed and deleted only in the root, where all who carry them are in view", () => {
    const rootAdmin = viewerAt({ org: ROOT, role: "admin" });
    expect(can(admin, "tags.manage", orgTarget(OWN))).toBe(true);
    expect(can(rootAdmin, "tags.edit", orgTarget(ROOT))).toBe(true);
    const inRoot = forbidden("TAGS_IN_ROOT", "Tags are shared by the whole organization: rename and delete them in the root organization");
    expect(authorize(admin, "tags.edit", orgTarget(OWN))).toEqual(inRoot);
    expect(authorize(rootAdmin, "tags.edit", orgTarget(OWN))).toEqual(inRoot);
    expect(authorize(staff, "tags.edit", orgTarget(OWN))).toMatchObject({ ok: false, refusal: "MISSING_PERMISSION" });
  });
});

describe("self sign-up", () => {
  const rootAdmin = viewerAt({ org: ROOT, role: "admin", plan: "business" });
  const rootStaff = viewerAt({ org: ROOT, role: "staff", plan: "business" });

  it("is set in the root org of a business tenant, by a viewer with org.settings who may invite", () => {
    expect(can(rootAdmin, "org.self_signup", orgTarget(ROOT), { role: "user" })).toBe(true);
    expect(can(rootStaff, "org.self_signup", orgTarget(ROOT), { role: "staff" })).toBe(true);
    for (const [plan, label] of [["free", "Free"], ["plus", "Plus"], ["pro", "Pro"]] as const) {
      expect(authorize(viewerAt({ org: ROOT, role: "admin", plan }), "org.self_signup", orgTarget(ROOT), { role: "user" })).toEqual({ ok: false, code: "LIMIT", refusal: "PLAN_NO_SELF_SIGNUP", reason: `Self sign-up is not available on the ${label} plan; it comes with Business` });
    }
    const switched = viewerAt({ org: ROOT, current: OWN, role: "admin", plan: "business" });
    expect(authorize(switched, "org.self_signup", orgTarget(OWN), { role: "user" })).toEqual(forbidden("SELF_SIGNUP_IN_ROOT", "Self sign-up is set in the root organization"));
    // A root that says it is not one (or the other way round) is not taken at its word.
    expect(authorize(rootAdmin, "org.self_signup", orgTarget(ROOT, { isRoot: false }), { role: "user" })).toMatchObject({ refusal: "SELF_SIGNUP_IN_ROOT" });
    expect(authorize(rootAdmin, "org.self_signup", orgTarget(FOREIGN), { role: "user" })).toMatchObject({ code: "NOT_FOUND" });
    const settingsOnly = viewerAt({ org: ROOT, role: "clerk", grants: ["org.settings"], plan: "business" });
    expect(authorize(settingsOnly, "org.self_signup", orgTarget(ROOT), { role: "user" })).toEqual(forbidden("MISSING_PERMISSION", 'You need the "Invite users" permission'));
    expect(authorize(viewerAt({ org: ROOT, role: "user", plan: "business" }), "org.self_signup", orgTarget(ROOT), { role: "user" })).toEqual(forbidden("MISSING_PERMISSION", 'You need the "Edit organization settings" permission'));
  });

  it("never gives Admin, and never a role above the viewer's", () => {
    expect(authorize(rootAdmin, "org.self_signup", orgTarget(ROOT), { role: "admin" })).toEqual(forbidden("JOIN_ROLE_ADMIN", "People who sign up themselves cannot be Admins; choose another role"));
    expect(authorize(rootStaff, "org.self_signup", orgTarget(ROOT), { role: "admin" })).toMatchObject({ refusal: "JOIN_ROLE_ADMIN" });
    const roleGrants = new Map<string, ReadonlySet<Permission>>([["deleter", new Set<Permission>(["users.view", "users.delete"])]]);
    expect(authorize({ ...rootStaff, roleGrants }, "org.self_signup", orgTarget(ROOT), { role: "deleter" })).toEqual(forbidden("ROLE_ABOVE_YOURS", "You cannot give a role above your own"));
    expect(can({ ...rootAdmin, roleGrants }, "org.self_signup", orgTarget(ROOT), { role: "deleter" })).toBe(true);
  });
});

describe("devices", () => {
  const endUser = viewerAt({ org: OWN, role: "user", grants: ["own_devices.view", "own_devices.control"] });

  it("lets an end user see and control the devices they own, and only those", () => {
    expect(can(endUser, "devices.view", deviceIn(OWN, { ownerId: "v" }))).toBe(true);
    expect(can(endUser, "devices.control", deviceIn(OWN, { ownerId: "v" }))).toBe(true);
    expect(can(endUser, "devices.view", orgTarget(OWN))).toBe(true);
    expect(authorize(endUser, "devices.view", deviceIn(OWN))).toEqual(forbidden("MISSING_PERMISSION", 'You need the "View organization devices" permission'));
    expect(authorize(viewerAt({ org: OWN, role: "user" }), "devices.view", deviceIn(OWN, { ownerId: "v" }))).toEqual(forbidden("MISSING_PERMISSION", 'You need the "View own devices" permission'));
    expect(can(viewerAt({ org: OWN, role: "user", grants: ["org_devices.view"] }), "devices.view", deviceIn(OWN, { ownerId: "v" }))).toBe(true);
  });

  it("transfers to a new owner who has logged in and belongs to the destination", () => {
    const owner = { id: "o", org: SUB, hasLoggedIn: true };
    expect(can(staff, "devices.transfer", deviceIn(OWN), { destination: SUB, newOwner: owner })).toBe(true);
    expect(can(staff, "devices.transfer", deviceIn(OWN), { newOwner: null })).toBe(true);
    expect(can(staff, "devices.transfer", deviceIn(OWN), { newOwner: { ...owner, org: OWN } })).toBe(true);
    expect(authorize(staff, "devices.transfer", deviceIn(OWN), { newOwner: owner })).toEqual({ ok: false, code: "CONFLICT", refusal: "OWNER_OUTSIDE_ORG", reason: "The new owner must be a member of Boilers Ltd" });
    expect(authorize(staff, "devices.transfer", deviceIn(OWN), { destination: SUB, newOwner: { ...owner, hasLoggedIn: false } })).toEqual({ ok: false, code: "CONFLICT", refusal: "OWNER_NEVER_LOGGED_IN", reason: "The new owner must have logged in at least once" });
    expect(authorize(staff, "devices.transfer", deviceIn(OWN), { destination: ROOT, newOwner: null })).toMatchObject({ code: "NOT_FOUND" });
    expect(authorize(staff, "devices.transfer", deviceIn(OWN), { newOwner: { ...owner, org: FOREIGN } })).toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("assertAuthorized", () => {
  it("throws PolicyError with the refusal's code and reason", () => {
    expect(() => assertAuthorized(staff, "users.delete", userIn(OWN))).toThrow(PolicyError);
    try {
      assertAuthorized(admin, "users.delete", userIn(FOREIGN));
    } catch (e) {
      expect(e).toMatchObject({ name: "PolicyError", code: "NOT_FOUND", message: "Not found" });
    }
    expect(assertAuthorized(admin, "users.delete", userIn(OWN))).toBeUndefined();
  });

  it("refuses to run without the context its action needs", () => {
    expect(() => assertAuthorized(admin, "users.invite", orgTarget(OWN))).toThrow("needs ctx.role");
    expect(() => assertAuthorized(admin, "users.transfer", userIn(OWN), { role: "user" })).toThrow("needs ctx.destination");
    expect(() => assertAuthorized(admin, "devices.transfer", deviceIn(OWN))).toThrow("needs ctx.newOwner");
    expect(() => assertAuthorized(admin, "orgs.create", orgTarget(OWN))).toThrow("needs ctx.orgType");
    expect(() => assertAuthorized(admin, "org.self_signup", orgTarget(ROOT))).toThrow("needs ctx.role");
    expect(() => assertAuthorized(admin, "devices.transfer", deviceIn(OWN), { newOwner: null })).not.toThrow();
  });
});

describe("questions a page asks without a particular target", () => {
  it("may: the action's permission is held here", () => {
    expect(may(staff, "users.invite")).toBe(true);
    expect(may(staff, "users.delete")).toBe(false);
    expect(may(staff, "devices.create")).toBe(true);
  });

  it("devicesInSight: every device of the org, only one's own, or none", () => {
    expect(devicesInSight(staff)).toBe("org");
    expect(devicesInSight(viewerAt({ org: OWN, role: "user", grants: ["own_devices.view"] }))).toBe("own");
    expect(devicesInSight(viewerAt({ org: OWN, role: "user" }))).toBeNull();
  });

  it("heldPermissions: the grants in catalogue order", () => {
    expect(heldPermissions(viewerAt({ org: OWN, role: "user", grants: ["users.view", "roles.view"] }))).toEqual(["roles.view", "users.view"]);
  });
});
