import "server-only";
import { eq } from "drizzle-orm";
import { BUILTIN_ROLES, DEFAULT_GRANTS, ROLE_LABELS, type Permission } from "@/lib/policy";
import type { Db, Tx } from "./types";
import { devices, organizations, roleGrants, roles, tenants, users, type OrgType, type Plan, type UserType } from "./schema";

// The demo tenants of product.md §7. Demo mode only: the embedded database seeds them on
// first start, `npm run db:seed` on purpose; a production DATABASE_URL never gets them.
export const DEMO_PASSWORD = "roster-demo-1";
/**
 * DEMO_PASSWORD hashed once with the app's argon2id parameters (lib/auth/password.ts), so the
 * seed needs no hashing code of its own; a login re-hashes it if the parameters ever rise.
 */
export const DEMO_PASSWORD_HASH = "$argon2id$v=19$m=19456,t=2,p=1$yOXfbt7CXwJOggOQGRIATw$B6PzIrQIBOZ9Mt83TeMeWlirOV112pztcgFeGdf4xiY";

type DemoUser = { email: string; name: string; role: "admin" | "staff" | "user"; type?: UserType; developer?: boolean; lastLoginDaysAgo: number };
type DemoOrg = {
  name: string;
  type: OrgType;
  description?: string;
  /** Extra grants for the User role in this org, on top of the defaults. */
  userGrants?: Permission[];
  users: DemoUser[];
  devices?: Array<{ name: string; model: string; owner?: string }>;
  children?: DemoOrg[];
};
type DemoTenant = { plan: Plan; root: DemoOrg };

const OWN_DEVICES: Permission[] = ["own_devices.view", "own_devices.control"];
const ORG_DEVICES: Permission[] = [...OWN_DEVICES, "org_devices.view", "org_devices.control"];

const DEMO_TENANTS: DemoTenant[] = [
  {
    plan: "pro",
    root: {
      name: "Acme Heating",
      type: "root",
      description: "Heating systems installer and service partner.",
      users: [
        { email: "admin@acme.test", name: "Alice Adams", role: "admin", type: "developer", developer: true, lastLoginDaysAgo: 0 },
        { email: "staff@acme.test", name: "Sam Stone", role: "staff", type: "partner", lastLoginDaysAgo: 2 },
        { email: "user@acme.test", name: "Uma Ulrich", role: "user", lastLoginDaysAgo: 45 },
      ],
      children: [
        {
          name: "Muller Boiler Group",
          type: "client",
          userGrants: ORG_DEVICES,
          users: [
            { email: "r@muller.test", name: "Rita Muller", role: "user", lastLoginDaysAgo: 1 },
            { email: "w@muller.test", name: "Walter Muller", role: "user", lastLoginDaysAgo: 6 },
          ],
          devices: [
            { name: "Thermostat", model: "Acme T-200", owner: "r@muller.test" },
            { name: "Boiler", model: "Acme B-35", owner: "w@muller.test" },
          ],
        },
        {
          name: "United Heaters Inc.",
          type: "client",
          users: [],
          children: [
            {
              name: "Marsh Residence",
              type: "client",
              userGrants: OWN_DEVICES,
              users: [{ email: "m@united.test", name: "Mia Marsh", role: "user", lastLoginDaysAgo: 3 }],
              devices: [{ name: "Pool Heater", model: "Acme P-10", owner: "m@united.test" }],
            },
            {
              name: "Hill Cottage",
              type: "client",
              userGrants: OWN_DEVICES,
              users: [{ email: "h@united.test", name: "Hank Hill", role: "user", lastLoginDaysAgo: 12 }],
              devices: [{ name: "Thermostat", model: "Acme T-100", owner: "h@united.test" }],
            },
          ],
        },
      ],
    },
  },
  {
    plan: "free",
    root: {
      name: "Globex",
      type: "root",
      users: [{ email: "admin@globex.test", name: "Gil Bates", role: "admin", type: "developer", developer: true, lastLoginDaysAgo: 0 }],
      devices: [{ name: "Water Heater", model: "Globex W-1", owner: "admin@globex.test" }],
    },
  },
];

/** Creates the demo tenants that do not exist yet; running it again changes nothing. */
export async function seedDemo(db: Db): Promise<{ created: string[] }> {
  const passwordHash = DEMO_PASSWORD_HASH;
  const created: string[] = [];
  for (const tenant of DEMO_TENANTS) {
    const firstEmail = tenant.root.users[0]!.email;
    const wasCreated = await db.transaction(async (tx) => {
      const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, firstEmail)).limit(1);
      if (existing) return false;
      await createTenant(tx, tenant, passwordHash);
      return true;
    });
    if (wasCreated) created.push(tenant.root.name);
  }
  return { created };
}

async function createTenant(tx: Tx, tenant: DemoTenant, passwordHash: string): Promise<void> {
  const tenantId = crypto.randomUUID();
  await tx.insert(tenants).values({ id: tenantId, name: tenant.root.name, plan: tenant.plan });
  const roleRows = await tx
    .insert(roles)
    .values(BUILTIN_ROLES.map((key) => ({ tenantId, key, name: ROLE_LABELS[key], builtin: true })))
    .returning({ id: roles.id, key: roles.key });
  const roleIds = new Map(roleRows.map((r) => [r.key, r.id]));
  const ownerIds = new Map<string, string>();

  async function createOrg(org: DemoOrg, parent: { id: string; path: string; depth: number } | null): Promise<void> {
    const orgId = parent ? crypto.randomUUID() : tenantId;
    const orgPath = `${parent?.path ?? ""}${orgId}/`;
    const depth = (parent?.depth ?? 0) + 1;
    await tx.insert(organizations).values({
      id: orgId,
      tenantId,
      parentId: parent?.id ?? null,
      path: orgPath,
      depth,
      name: org.name,
      description: org.description ?? "",
      type: org.type,
    });
    const grants = BUILTIN_ROLES.flatMap((role) => {
      const held = new Set<Permission>(DEFAULT_GRANTS[role]);
      if (role === "user") for (const p of org.userGrants ?? []) held.add(p);
      return [...held].map((permission) => ({ tenantId, orgId, roleId: roleIds.get(role)!, permission }));
    });
    if (grants.length) await tx.insert(roleGrants).values(grants);

    const now = Date.now();
    for (const u of org.users) {
      const lastLogin = new Date(now - u.lastLoginDaysAgo * 86_400_000 - 3_600_000);
      const registered = new Date(lastLogin.getTime() - 90 * 86_400_000);
      const [row] = await tx
        .insert(users)
        .values({
          tenantId,
          orgId,
          email: u.email,
          name: u.name,
          role: u.role,
          type: u.type ?? "end_user",
          developerMode: u.developer ?? false,
          passwordHash,
          acceptedAt: registered,
          registeredAt: registered,
          lastLoginAt: lastLogin,
        })
        .returning({ id: users.id });
      ownerIds.set(u.email, row!.id);
    }
    for (const d of org.devices ?? []) {
      await tx.insert(devices).values({ tenantId, orgId, name: d.name, model: d.model, ownerId: d.owner ? ownerIds.get(d.owner)! : null });
    }
    for (const child of org.children ?? []) await createOrg(child, { id: orgId, path: orgPath, depth });
  }

  await createOrg(tenant.root, null);
}
