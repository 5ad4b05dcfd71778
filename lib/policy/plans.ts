import type { Permission } from "./permissions";
// Plan capabilities (product.md §1). Configuration, not code paths: the operator may override
// the numeric limits of every plan (an operator's plans file, installed at start by
// lib/plans/file.ts) and per tenant (tenants.limits_override), read through planLimits().

export const PLAN_KEYS = ["free", "plus", "pro", "business"] as const;
export type PlanKey = (typeof PLAN_KEYS)[number];

export const ORG_TYPES = ["root", "client", "distributor", "reseller", "contractor", "installer"] as const;
export type OrgType = (typeof ORG_TYPES)[number];

export type PlanLimits = {
  readonly label: string;
  /** Users in the whole tree, pending included. */
  readonly maxUsers: number;
  readonly developers: "one_per_tenant" | "many_admins";
  /** Sub-organizations in the whole tenant (root excluded); null = unlimited. */
  readonly maxSubOrgs: number | null;
  /** Deepest level an org may sit at; the root is depth 1. */
  readonly maxDepth: number;
  readonly permissionsEditable: boolean;
  /** Maximum number of roles in all, built-ins included; 0 = no custom roles on this plan. */
  readonly customRoles: number;
  readonly selfSignUp: boolean;
  readonly orgTypes: readonly OrgType[];
};

const PARTNER_TYPES: readonly OrgType[] = ["root", "client", "distributor", "reseller", "contractor", "installer"];

export type PlanTable = Readonly<Record<PlanKey, PlanLimits>>;

/** The plans as product.md §1 sets them: what is in force unless the operator's file says otherwise. */
export const PLANS: PlanTable = Object.freeze({
  free: Object.freeze({ label: "Free", maxUsers: 5, developers: "one_per_tenant", maxSubOrgs: 0, maxDepth: 1, permissionsEditable: false, customRoles: 0, selfSignUp: false, orgTypes: Object.freeze(["root"] as OrgType[]) }),
  plus: Object.freeze({ label: "Plus", maxUsers: 10, developers: "one_per_tenant", maxSubOrgs: 0, maxDepth: 1, permissionsEditable: false, customRoles: 0, selfSignUp: false, orgTypes: Object.freeze(["root"] as OrgType[]) }),
  pro: Object.freeze({ label: "Pro", maxUsers: 100, developers: "many_admins", maxSubOrgs: 200, maxDepth: 4, permissionsEditable: true, customRoles: 0, selfSignUp: false, orgTypes: Object.freeze(["root", "client"] as OrgType[]) }),
  business: Object.freeze({ label: "Business", maxUsers: 10_000, developers: "many_admins", maxSubOrgs: null, maxDepth: 4, permissionsEditable: true, customRoles: 9, selfSignUp: true, orgTypes: Object.freeze(PARTNER_TYPES) }),
} satisfies Record<PlanKey, PlanLimits>);

export function isPlanKey(x: unknown): x is PlanKey {
  return typeof x === "string" && (PLAN_KEYS as readonly string[]).includes(x);
}

/** The numeric limits an operator may override; labels, org types and flags stay code. */
export const PLAN_NUMERIC_LIMITS = ["maxUsers", "maxSubOrgs", "maxDepth", "customRoles"] as const;
export type PlanNumericLimit = (typeof PLAN_NUMERIC_LIMITS)[number];
export type PlanTableOverrides = Partial<Record<PlanKey, Partial<Pick<PlanLimits, PlanNumericLimit>>>>;

// On globalThis: Next.js may evaluate this module more than once per process (stack-notes.md
// trap 2), and every copy must read the table the operator installed.
const installed = globalThis as { __roster_plans?: PlanTable };

/**
 * Puts the operator's limits in force for this process, over the defaults (an empty object
 * restores the defaults). The caller has validated them (lib/plans/file.ts).
 */
export function installPlans(overrides: PlanTableOverrides): PlanTable {
  const plan = (key: PlanKey): PlanLimits => {
    const given = Object.entries(overrides[key] ?? {}).filter(([, value]) => value !== undefined);
    return given.length ? Object.freeze({ ...PLANS[key], ...Object.fromEntries(given) }) : PLANS[key];
  };
  const table = Object.freeze(Object.fromEntries(PLAN_KEYS.map((key) => [key, plan(key)])) as Record<PlanKey, PlanLimits>);
  installed.__roster_plans = PLAN_KEYS.every((key) => table[key] === PLANS[key]) ? undefined : table;
  return plansInForce();
}

/** The plans in force: the defaults with the operator's file over them. */
export function plansInForce(): PlanTable {
  return installed.__roster_plans ?? PLANS;
}

/** The numeric limits an operator may override per tenant. */
export type PlanOverrides = Readonly<Record<string, number | null | undefined>>;

const isCount = (v: unknown, min: number): v is number => typeof v === "number" && Number.isInteger(v) && v >= min;

/**
 * The effective limits of a tenant: the plan's, with the operator's overrides (the jsonb column
 * tenants.limits_override as is). Unknown keys and invalid values are ignored so a typo in
 * operator config falls back to the plan instead of breaking every page.
 */
export function planLimits(plan: PlanKey, overrides?: PlanOverrides | null): PlanLimits {
  // An unknown plan string from the database gets the most restrictive plan, not a crash.
  const table = plansInForce();
  const base = isPlanKey(plan) ? table[plan] : table.free;
  if (!overrides) return base;
  const o = overrides;
  return Object.freeze({
    ...base,
    maxUsers: isCount(o.maxUsers, 1) ? o.maxUsers : base.maxUsers,
    maxSubOrgs: o.maxSubOrgs === null ? null : isCount(o.maxSubOrgs, 0) ? o.maxSubOrgs : base.maxSubOrgs,
    maxDepth: isCount(o.maxDepth, 1) ? o.maxDepth : base.maxDepth,
    customRoles: isCount(o.customRoles, 0) ? o.customRoles : base.customRoles,
  });
}

/**
 * Whether a tenant on this plan can have sub-organizations at all (free and plus cannot). What
 * the console shows of them — the org switcher, "All in reach", sub-org permissions — hides
 * when it cannot, rather than offering an empty tree.
 */
export function planHasSubOrgs(plan: PlanKey | PlanLimits): boolean {
  const limits = resolvePlan(plan);
  return limits.maxDepth > 1 && limits.maxSubOrgs !== 0;
}

/** Accepts a plan key or already-resolved limits (e.g. planLimits(plan, overrides)). */
export function resolvePlan(plan: PlanKey | PlanLimits): PlanLimits {
  return typeof plan === "string" ? planLimits(plan) : plan;
}

const SUB_ORG_PERMISSIONS: readonly Permission[] = ["orgs.switch", "orgs.create", "orgs.edit", "orgs.delete"];

/** The permissions a plan can make use of: without sub-organizations, those about them are left unshown. */
export function planShowsPermission(plan: PlanKey | PlanLimits, permission: Permission): boolean {
  return planHasSubOrgs(plan) || !SUB_ORG_PERMISSIONS.includes(permission);
}
