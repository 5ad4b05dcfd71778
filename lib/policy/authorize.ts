// authorize(viewer, action, target): product.md §4 as one pure function. The order matters:
// scope first (so an unreachable id answers NOT_FOUND whatever the viewer's grants), then the
// permission, then the action's own rules.
import { actionSpec, isAction, type Action } from "./actions";
import { checkSubOrgDepth } from "./checks";
import { PolicyError } from "./errors";
import { PERMISSIONS, type Permission } from "./permissions";
import { PLAN_KEYS, planLimits, PLANS, type PlanLimits } from "./plans";
import { ALLOW, deny, NOT_FOUND } from "./result";
import { isAdminRole, isRoleAbove, type RoleKey } from "./roles";
import { isInReach, isInView, isSameOrg, isWellFormedOrg } from "./scope";
import type { ActionContext, DeviceTarget, OrgRef, OrgTarget, PolicyResult, PolicyTarget, PolicyViewer, UserTarget } from "./types";


type Refusal = PolicyResult | null;

const missingPermission = (p: Permission): PolicyResult => deny("FORBIDDEN", "MISSING_PERMISSION", `You need the "${PERMISSIONS[p].label}" permission`);
const limitsOf = (viewer: PolicyViewer): PlanLimits => viewer.limits ?? planLimits(viewer.plan);

/** The org a target lives in; null when its parts disagree, which is then out of reach. */
function orgOf(viewer: PolicyViewer, target: PolicyTarget): OrgRef | null {
  switch (target.kind) {
    case "tenant":
      return target.tenantId === viewer.tenantId ? viewer.currentOrg : null;
    case "org":
      return target.org;
    case "user":
    case "device":
      return target.org && target.tenantId === target.org.tenantId ? target.org : null;
    default:
      return null;
  }
}

function inScope(viewer: PolicyViewer, action: Action, target: PolicyTarget, ctx: ActionContext): boolean {
  const org = orgOf(viewer, target);
  if (!org) return false;
  // Switching moves between any orgs in reach, not only below the one being shown.
  const visible = action === "orgs.switch" ? isInReach(viewer, viewer.currentOrg) && isInReach(viewer, org) : isInView(viewer, org);
  if (!visible) return false;
  if (action === "users.transfer" || action === "devices.transfer") {
    if (ctx.destination !== undefined && !isInView(viewer, ctx.destination)) return false;
    if (action === "devices.transfer" && ctx.newOwner && !isInView(viewer, ctx.newOwner.org)) return false;
  }
  return true;
}

function permissionCheck(viewer: PolicyViewer, action: Action, target: PolicyTarget): PolicyResult {
  const held = holdsPermission(viewer, action);
  const { ownPermission } = actionSpec(action);
  // The devices page (org target) and the viewer's own devices also open with the "own" permission.
  const own = target.kind === "org" || (target.kind === "device" && target.ownerId === viewer.userId);
  if (held.ok || !ownPermission || !own) return held;
  return viewer.grants.has(ownPermission) ? ALLOW : missingPermission(ownPermission);
}

/**
 * Whether the viewer's grants hold the action's permission at all, before any target is looked
 * at. A command on many users asks this first, so that a viewer without it is refused once, not
 * once per user by name (security.md A1).
 */
export function holdsPermission(viewer: PolicyViewer, action: Action): PolicyResult {
  if (!isAction(action)) return deny("FORBIDDEN", "UNKNOWN_ACTION", "Unknown action");
  const { permission } = actionSpec(action);
  return permission === null || viewer.grants.has(permission) ? ALLOW : missingPermission(permission);
}

/** Whether the viewer's grants here hold the action's permission: for a control that needs no particular target. */
export function may(viewer: PolicyViewer, action: Action): boolean {
  return holdsPermission(viewer, action).ok;
}

/** The permissions the viewer holds here, in catalogue order (the overview lists them). */
export function heldPermissions(viewer: PolicyViewer): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) => viewer.grants.has(p));
}

/** Locations are seen by anyone who sees people or devices here; editing them is locations.manage. */
export function mayViewLocations(viewer: PolicyViewer): boolean {
  return may(viewer, "users.view") || devicesInSight(viewer) !== null;
}

/** Which devices the viewer may see here: every device of the org, only the ones they own, or none. */
export function devicesInSight(viewer: PolicyViewer): "org" | "own" | null {
  if (may(viewer, "devices.view")) return "org";
  const own = actionSpec("devices.view").ownPermission;
  return own && viewer.grants.has(own) ? "own" : null;
}

// Self-service actions: the only valid target is the viewer's own record; any other id is "not found".
function authorizeSelf(viewer: PolicyViewer, action: Action, target: PolicyTarget): PolicyResult {
  const self =
    target.kind === "user" &&
    target.id === viewer.userId &&
    target.tenantId === viewer.tenantId &&
    viewer.org.tenantId === viewer.tenantId &&
    isWellFormedOrg(viewer.org) &&
    isWellFormedOrg(target.org) &&
    isSameOrg(target.org, viewer.org);
  if (!self) return NOT_FOUND;
  if (action === "self.developer_mode" && !isAdminRole(viewer.role)) return deny("FORBIDDEN", "DEVELOPER_ADMIN_ONLY", "Only Admins can use developer mode");
  return ALLOW;
}

const notSelf = (viewer: PolicyViewer, target: UserTarget): Refusal =>
  target.id === viewer.userId ? deny("FORBIDDEN", "OWN_ACCOUNT", "Change your own account from your profile, not the users table") : null;

// Nobody edits or acts on a person whose role is above their own: without this a Staff member
// granted e.g. users.change_password could take over an Admin's account.
const protectAbove = (viewer: PolicyViewer, target: UserTarget, verb: string): Refusal => {
  if (!isRoleAbove(target.role, viewer)) return null;
  return deny("FORBIDDEN", "ROLE_ABOVE_YOURS", isAdminRole(target.role) ? `Only an Admin can ${verb} an Admin` : `You cannot ${verb} someone whose role is above yours`);
};

// Nobody grants more than they hold.
const assignable = (viewer: PolicyViewer, role: RoleKey | undefined): Refusal => {
  if (role === undefined || !isRoleAbove(role, viewer)) return null;
  return deny("FORBIDDEN", "ROLE_ABOVE_YOURS", isAdminRole(role) ? "Only an Admin can make someone an Admin" : "You cannot give a role above your own");
};

const guard = (viewer: PolicyViewer, target: UserTarget, verb: string): Refusal => notSelf(viewer, target) ?? protectAbove(viewer, target, verb);

const notPending = (target: UserTarget): Refusal =>
  target.pending ? deny("CONFLICT", "NOT_ACCEPTED_YET", "This user has not accepted the invitation yet; resend it instead") : null;

function userRules(viewer: PolicyViewer, action: Action, target: UserTarget, ctx: ActionContext): PolicyResult {
  switch (action) {
    case "users.edit":
      if (ctx.role === undefined || ctx.role === target.role) return protectAbove(viewer, target, "edit") ?? ALLOW;
      return guard(viewer, target, "change the role of") ?? assignable(viewer, ctx.role) ?? ALLOW;
    case "users.change_role": {
      // A role change to the role held changes nothing, and must not claim to in the audit log.
      const same = ctx.role !== undefined && ctx.role === target.role ? deny("CONFLICT", "SAME_ROLE", "This user already has that role") : null;
      return guard(viewer, target, "change the role of") ?? same ?? assignable(viewer, ctx.role) ?? ALLOW;
    }
    case "users.change_password":
      return guard(viewer, target, "change the password of") ?? notPending(target) ?? ALLOW;
    case "users.force_logout":
      return guard(viewer, target, "log out") ?? notPending(target) ?? ALLOW;
    case "users.suspend":
      return guard(viewer, target, "suspend") ?? (target.suspended ? deny("CONFLICT", "ALREADY_SUSPENDED", "This user is already suspended") : ALLOW);
    case "users.reactivate":
      return guard(viewer, target, "reactivate") ?? (target.suspended ? ALLOW : deny("CONFLICT", "NOT_SUSPENDED", "This user is not suspended"));
    case "users.delete":
      return guard(viewer, target, "delete") ?? ALLOW;
    case "users.transfer": {
      const dest = ctx.destination;
      const moved = dest && isSameOrg(dest, target.org) ? deny("CONFLICT", "ALREADY_IN_ORG", `This user is already in ${dest.name}`) : null;
      return guard(viewer, target, "transfer") ?? moved ?? assignable(viewer, ctx.role) ?? ALLOW;
    }
    case "users.resend_invitation":
      return protectAbove(viewer, target, "resend the invitation of") ?? (target.pending ? ALLOW : deny("CONFLICT", "ALREADY_ACCEPTED", "This user has already accepted the invitation"));
    case "tags.apply":
      return protectAbove(viewer, target, "tag") ?? ALLOW;
    case "tags.remove":
      return protectAbove(viewer, target, "remove a tag from") ?? ALLOW;
    case "locations.assign":
      return protectAbove(viewer, target, "change the location of") ?? ALLOW;
    case "users.send_device_log":
      // The log is of devices: a grant that lost its dependency must not send what the viewer cannot see.
      return viewer.grants.has("org_devices.view") ? ALLOW : missingPermission("org_devices.view");
    case "users.revoke_invitation":
      if (!target.pending) return deny("CONFLICT", "ALREADY_ACCEPTED", "This user has already accepted the invitation");
      return guard(viewer, target, "revoke the invitation of") ?? ALLOW;
    default:
      return ALLOW;
  }
}

function deviceRules(action: Action, target: DeviceTarget, ctx: ActionContext): PolicyResult {
  if (action !== "devices.transfer" || !ctx.newOwner) return ALLOW;
  const dest = ctx.destination ?? target.org;
  if (!isSameOrg(ctx.newOwner.org, dest)) return deny("CONFLICT", "OWNER_OUTSIDE_ORG", `The new owner must be a member of ${dest.name}`);
  if (!ctx.newOwner.hasLoggedIn) return deny("CONFLICT", "OWNER_NEVER_LOGGED_IN", "The new owner must have logged in at least once");
  return ALLOW;
}

const lockedPermissions = (limits: PlanLimits): PolicyResult =>
  limits.permissionsEditable ? ALLOW : deny("FORBIDDEN", "PERMISSIONS_LOCKED", `Permissions are locked on the ${limits.label} plan; change a person's role to change what they may do`);

// Named in the refusal, so a locked setting says where it is to be had.
const SELF_SIGNUP_PLANS = PLAN_KEYS.filter((k) => PLANS[k].selfSignUp).map((k) => PLANS[k].label);

// Self sign-up lets strangers in with a role: whoever opens it must be able to invite people with
// that role, and nobody gets Admin by signing up (product.md §1, §4).
function selfSignupRules(viewer: PolicyViewer, limits: PlanLimits, target: OrgTarget, ctx: ActionContext): PolicyResult {
  if (!limits.selfSignUp) return deny("LIMIT", "PLAN_NO_SELF_SIGNUP", `Self sign-up is not available on the ${limits.label} plan; it comes with ${SELF_SIGNUP_PLANS.join(" and ")}`);
  if (!target.isRoot || target.org.depth !== 1) return deny("FORBIDDEN", "SELF_SIGNUP_IN_ROOT", "Self sign-up is set in the root organization");
  if (!viewer.grants.has("users.invite")) return missingPermission("users.invite");
  if (ctx.role !== undefined && isAdminRole(ctx.role)) return deny("FORBIDDEN", "JOIN_ROLE_ADMIN", "People who sign up themselves cannot be Admins; choose another role");
  return assignable(viewer, ctx.role) ?? ALLOW;
}

function orgRules(viewer: PolicyViewer, action: Action, target: OrgTarget, ctx: ActionContext): PolicyResult {
  const limits = limitsOf(viewer);
  switch (action) {
    case "users.invite":
      return assignable(viewer, ctx.role) ?? ALLOW;
    case "orgs.create": {
      if (limits.maxSubOrgs === 0) return checkSubOrgDepth({ plan: limits, parentDepth: target.org.depth });
      if (!target.canCreateSubOrgs) return deny("FORBIDDEN", "SUB_ORGS_NOT_ALLOWED", `${target.org.name} does not allow sub-organizations`);
      const depth = checkSubOrgDepth({ plan: limits, parentDepth: target.org.depth });
      if (!depth.ok || ctx.orgType === undefined) return depth;
      if (ctx.orgType === "root") return deny("FORBIDDEN", "ROOT_TYPE", "A sub-organization cannot be a root organization");
      return limits.orgTypes.includes(ctx.orgType) ? ALLOW : deny("LIMIT", "PLAN_ORG_TYPE", `The ${limits.label} plan does not offer ${ctx.orgType} organizations`);
    }
    case "orgs.edit":
      return isSameOrg(target.org, viewer.org) ? deny("FORBIDDEN", "OWN_ORG", "Edit your own organization from its settings") : ALLOW;
    case "orgs.delete":
      if (target.isRoot || target.org.depth === 1) return deny("FORBIDDEN", "ROOT_ORG", "The root organization cannot be deleted");
      return isSameOrg(target.org, viewer.org) ? deny("FORBIDDEN", "OWN_ORG", "You cannot delete your own organization") : ALLOW;
    case "roles.edit":
      return lockedPermissions(limits);
    case "tags.edit":
      return target.isRoot && target.org.depth === 1 ? ALLOW : deny("FORBIDDEN", "TAGS_IN_ROOT", "Tags are shared by the whole organization: rename and delete them in the root organization");
    case "org.self_signup":
      return selfSignupRules(viewer, limits, target, ctx);
    default:
      return ALLOW;
  }
}

/**
 * Whether `viewer` may do `action` to `target`. Never throws: an unknown action or a target of
 * the wrong kind is FORBIDDEN, anything outside the viewer's reach NOT_FOUND (NOT_FOUND_REASON).
 * Missing `ctx` fields mean "not chosen yet" and are not checked; commands use assertAuthorized.
 */
export function authorize(viewer: PolicyViewer, action: Action, target: PolicyTarget, ctx?: ActionContext): PolicyResult {
  if (!isAction(action)) return deny("FORBIDDEN", "UNKNOWN_ACTION", "Unknown action");
  const spec = actionSpec(action);
  if (!target || typeof target !== "object" || !spec.targets.includes(target.kind)) {
    return deny("FORBIDDEN", "UNKNOWN_ACTION", "This action does not apply to that item");
  }
  if (spec.self) return authorizeSelf(viewer, action, target);
  const c = ctx ?? {};
  if (!inScope(viewer, action, target, c)) return NOT_FOUND;
  const allowed = permissionCheck(viewer, action, target);
  if (!allowed.ok) return allowed;
  switch (target.kind) {
    case "user":
      return userRules(viewer, action, target, c);
    case "device":
      return deviceRules(action, target, c);
    case "org":
      return orgRules(viewer, action, target, c);
    case "tenant":
      return action === "roles.edit" ? lockedPermissions(limitsOf(viewer)) : ALLOW;
  }
}

/** For the UI: show a control exactly when the server would accept it. */
export function can(viewer: PolicyViewer, action: Action, target: PolicyTarget, ctx?: ActionContext): boolean {
  return authorize(viewer, action, target, ctx).ok;
}

/**
 * For commands: throws PolicyError on refusal. Also insists on the context the action needs
 * (a role to give, a destination, a new owner), so a command cannot skip those checks by
 * forgetting to pass them; that mistake is a plain Error, not a refusal.
 */
export function assertAuthorized(viewer: PolicyViewer, action: Action, target: PolicyTarget, ctx?: ActionContext): void {
  const c = ctx ?? {};
  if (isAction(action)) {
    for (const key of actionSpec(action).needs ?? []) {
      if (c[key] === undefined) throw new Error(`assertAuthorized("${action}") needs ctx.${key}`);
    }
  }
  const result = authorize(viewer, action, target, c);
  if (!result.ok) throw new PolicyError(result.code, result.refusal, result.reason);
}

