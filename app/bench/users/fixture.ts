import "server-only";
import { DEFAULT_GRANTS, type OrgRef, type PolicyViewer } from "@/lib/policy";
import { userFiltersSchema, type UserStatus } from "@/lib/users/filters";
import type { UserRow } from "@/lib/users/list";
import { grantableRoles, rowActionsFor, type RoleOption } from "@/lib/users/page-data";
import { bulkPermissions, toTableRows } from "@/lib/users/table-rows";

// The benchmark's default view (its tenant's root org, first page of 50, bench/lib/seed.ts) from
// fixed rows: its mix of roles and statuses, a location for some, devices for some. The rows go
// through the real page's own steps after the database: row menus asked of the policy, dates
// formatted in the viewer's time zone, the grants turned into the toolbar's permissions.

const TENANT_ID = "b1000000-0000-4000-8000-000000000001";
const uuid = (n: number) => `b1000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;
const ROOT: OrgRef = { id: uuid(1_000), tenantId: TENANT_ID, path: `${uuid(1_000)}`, depth: 1, name: "Bench Root" };
const VIEWER_ID = uuid(9_999);

const FIRST = ["Ada", "Ben", "Cleo", "Dan", "Eva", "Finn", "Gia", "Hugo", "Iris", "Jon"];
const LAST = ["Abbott", "Baker", "Chen", "Diaz", "Evans", "Fischer", "Garcia", "Hughes", "Ito", "Jones"];
// Per ten people, as in the seed: admin 2% / staff 10% / user 88%, and suspended 3% / pending 10% / inactive 25% / active 62%, roughly.
const ROLES = ["admin", "staff", "user", "user", "user", "user", "user", "user", "user", "user"];
const STATUSES: UserStatus[] = ["active", "active", "active", "active", "active", "active", "inactive", "inactive", "pending", "suspended"];
const ROLE_OPTIONS: RoleOption[] = [
  { key: "admin", name: "Admin", builtin: true },
  { key: "staff", name: "Staff", builtin: true },
  { key: "user", name: "User", builtin: true },
];

export const benchPolicy: PolicyViewer = {
  userId: VIEWER_ID,
  tenantId: TENANT_ID,
  plan: "business",
  org: ROOT,
  role: "admin",
  currentOrg: ROOT,
  grants: new Set(DEFAULT_GRANTS.admin),
  developerMode: false,
};

function benchRows(now: Date): UserRow[] {
  const day = 86_400_000;
  return Array.from({ length: 50 }, (_, i) => {
    const first = FIRST[i % 10]!;
    const last = LAST[Math.floor(i / 5) % 10]!;
    const status = STATUSES[(i * 7) % 10]!;
    const loginDaysAgo = status === "inactive" ? 31 + ((i * 37) % 300) : (i * 13) % 29;
    return {
      id: uuid(i + 1),
      name: `${first} ${last}`,
      email: `${first.toLowerCase()}.${last.toLowerCase()}${i}@bench.test`,
      orgId: ROOT.id,
      orgName: ROOT.name,
      role: ROLES[(i * 3) % 10]!,
      location: i % 3 === 0 ? `Site ${i % 7}` : null,
      status,
      pending: status === "pending",
      suspended: status === "suspended",
      lastLoginAt: status === "pending" ? null : new Date(now.getTime() - loginDaysAgo * day - i * 3_600_000),
      registeredAt: new Date(now.getTime() - (400 + i * 11) * day),
      devices: i % 7 === 0 ? 2 : i % 5 === 0 ? 1 : 0,
    };
  });
}

/** The props of the users view for the benchmark's default page, built without a database. */
export function benchUsersView(now: Date) {
  const page = benchRows(now);
  const actions = Object.fromEntries(page.map((row) => [row.id, rowActionsFor(benchPolicy, row, ROOT)]));
  return {
    orgId: ROOT.id,
    orgName: ROOT.name,
    viewerId: VIEWER_ID,
    rows: toTableRows(page, { roles: ROLE_OPTIONS, actions, blocked: {}, tags: new Map(), now, timeZone: "Europe/Berlin" }),
    total: 10_000,
    capped: true,
    start: 0,
    below: null,
    next: page.at(-1)!.id,
    prev: null,
    filters: userFiltersSchema.parse({}),
    roles: ROLE_OPTIONS,
    grantable: grantableRoles(benchPolicy, ROLE_OPTIONS),
    locations: [],
    tags: [],
    permissions: bulkPermissions(benchPolicy),
  };
}
