// Plain-data inputs of the policy. Callers build them from database rows; nothing here does I/O.
import type { Permission } from "./permissions";
import type { OrgType, PlanKey, PlanLimits } from "./plans";
import type { Refusal } from "./refusals";
import type { RoleKey } from "./roles";

/**
 * An organization as the policy sees it. `path` is the materialized path: the ids from the root
 * down, each followed by "/" ("r/c/g/"); `depth` is the number of ids (root = 1); `tenantId` is
 * the root's id. A ref that breaks these rules is treated as out of reach.
 */
export type OrgRef = { id: string; tenantId: string; path: string; depth: number; name: string };

export type PolicyViewer = {
  userId: string;
  tenantId: string;
  plan: PlanKey;
  /** Effective limits when the operator overrides the plan (planLimits(plan, overrides)); default PLANS[plan]. */
  limits?: PlanLimits;
  /** The viewer's own org (their membership). */
  org: OrgRef;
  role: RoleKey;
  /** The org the console is showing: their own or one switched into. */
  currentOrg: OrgRef;
  /** The viewer's role's grants in currentOrg. */
  grants: ReadonlySet<Permission>;
  /** The viewer's role's grants in their own org, which decide which orgs they may open (mayOpenOrg); absent: same as grants. */
  ownOrgGrants?: ReadonlySet<Permission>;
  /** Every role's grants in currentOrg, to tell which roles stand above the viewer (isRoleAbove). */
  roleGrants?: ReadonlyMap<RoleKey, ReadonlySet<Permission>>;
  developerMode: boolean;
};

export type UserTarget = {
  kind: "user";
  id: string;
  tenantId: string;
  org: OrgRef;
  role: RoleKey;
  pending: boolean;
  suspended: boolean;
  developerMode: boolean;
};
export type OrgTarget = { kind: "org"; org: OrgRef; canCreateSubOrgs: boolean; isRoot: boolean };
export type DeviceTarget = { kind: "device"; id: string; tenantId: string; org: OrgRef; ownerId: string | null };
/** Actions on the current org itself (roles page, settings, audit, locations). */
export type TenantTarget = { kind: "tenant"; tenantId: string };

export type PolicyTarget = UserTarget | OrgTarget | DeviceTarget | TenantTarget;
export type TargetKind = PolicyTarget["kind"];

export type NewOwnerRef = { id: string; org: OrgRef; hasLoggedIn: boolean };

/**
 * Extra facts some actions need. Absent fields mean "not chosen yet" (the UI asking whether to
 * show a control); assertAuthorized insists on the ones its action needs.
 */
export type ActionContext = {
  /** Role to give: invite, edit, change role, transfer. */
  role?: RoleKey;
  /** Destination org: user transfer, device transfer (default: the device's own org). */
  destination?: OrgRef;
  /** Device transfer: the new owner, or null to clear the owner. */
  newOwner?: NewOwnerRef | null;
  /** Type of the org to create. */
  orgType?: OrgType;
};

export type DenyCode = "NOT_FOUND" | "FORBIDDEN" | "CONFLICT" | "LIMIT";
export type PolicyResult = { ok: true } | { ok: false; code: DenyCode; reason: string; refusal: Refusal };
