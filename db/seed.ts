import "server-only";
import { eq } from "drizzle-orm";
import type { Permission } from "@/lib/policy";
import type { Db, Tx } from "./types";
import { insertGrants, insertTenant } from "./new-tenant";
import { seedDemoCrowd } from "./seed-crowd";
import { devices, organizations, roleGrants, roles, tenants, users, type OrgType, type Plan } from "./schema";

// The demo tenants of product.md §7. Demo mode only: the embedded database seeds them on
// first start, `npm run db:seed` on purpose; a production DATABASE_URL never gets them.
export const DEMO_PASSWORD = "roster-demo-1";
/**
 * DEMO_PASSWORD hashed once with the app's argon2id parameters (lib/auth/password.ts), so the
 * seed needs no hashing code of its own; a login re-hashes it if the parameters ever rise.
 */
export const DEMO_PASSWORD_HASH = "$argon2id$v=19$m=19456,t=2,p=1$yOXfbt7CXwJOggOQGRIATw$B6PzIrQIBOZ9Mt83TeMeWlirOV112pztcgFeGdf4xiY";

/** No type: it follows from developer mode and the org (userTypeOf), so the demo cannot contradict the rules. */
type DemoUser = { email: string; name: string; role: string; developer?: boolean; lastLoginDaysAgo: number };
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
type DemoRole = { key: string; name: string; grants: Permission[] };
type DemoTenant = {
  plan: Plan;
  root: DemoOrg;
  /** Custom roles (business): granted in the root org only. */
  roles?: DemoRole[];
  /** Self-registration through /join/<handle> (business). */
  join?: { handle: string; role: string; domains: string[] };
};

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
        { email: "admin@acme.test", name: "Alice Adams", role: "admin", developer: true, lastLoginDaysAgo: 0 },
        { email: "staff@acme.test", name: "Sam Stone", role: "staff", lastLoginDaysAgo: 2 },
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
    plan: "business",
    roles: [{ key: "field_technician", name: "Field Technician", grants: [...ORG_DEVICES, "users.view"] }],
    join: { handle: "initech", role: "user", domains: [] },
    root: {
      name: "Initech Climate",
      type: "root",
      description: "Climate-control manufacturer with a partner network.",
      users: [
        { email: "admin@initech.test", name: "Bill Lumbergh", role: "admin", developer: true, lastLoginDaysAgo: 0 },
        { email: "tech@initech.test", name: "Milton Waddams", role: "field_technician", lastLoginDaysAgo: 4 },
      ],
      devices: [{ name: "Demo Chiller", model: "Initech C-9", owner: "tech@initech.test" }],
      children: [
        {
          name: "Northwind Distribution",
          type: "distributor",
          users: [{ email: "d@northwind.test", name: "Nancy Davolio", role: "admin", lastLoginDaysAgo: 2 }],
          children: [
            {
              name: "Contoso Installers",
              type: "installer",
              userGrants: OWN_DEVICES,
              users: [{ email: "i@contoso.test", name: "Ivan Contoso", role: "user", lastLoginDaysAgo: 9 }],
              devices: [{ name: "Rooftop Unit", model: "Initech R-4", owner: "i@contoso.test" }],
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
      users: [{ email: "admin@globex.test", name: "Gil Bates", role: "admin", developer: true, lastLoginDaysAgo: 0 }],
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

/**
 * Demo mode's data: the demo tenants, and the generated people around Acme's personas when
 * Acme was created just now (db/seed-crowd.ts). The tests seed the demo tenants alone.
 */
export async function seedDemoMode(db: Db): Promise<{ created: string[]; people: number }> {
  const { created } = await seedDemo(db);
  return { created, people: created.includes("Acme Heating") ? await seedDemoCrowd(db) : 0 };
}

async function createTenant(tx: Tx, tenant: DemoTenant, passwordHash: string): Promise<void> {
  const { tenantId, roleIds, root } = await insertTenant(tx, { name: tenant.root.name, plan: tenant.plan });
  for (const role of tenant.roles ?? []) {
    const [row] = await tx.insert(roles).values({ tenantId, key: role.key, name: role.name, builtin: false }).returning({ id: roles.id });
    await tx.insert(roleGrants).values(role.grants.map((permission) => ({ tenantId, orgId: root.id, roleId: row!.id, permission })));
  }
  if (tenant.join) {
    await tx.update(tenants).set({ handle: tenant.join.handle, joinEnabled: true, joinRole: tenant.join.role, joinDomains: tenant.join.domains }).where(eq(tenants.id, tenantId));
  }
  const ownerIds = new Map<string, string>();

  async function fillOrg(org: DemoOrg, at: { id: string; path: string; depth: number }): Promise<void> {
    const now = Date.now();
    for (const u of org.users) {
      const lastLogin = new Date(now - u.lastLoginDaysAgo * 86_400_000 - 3_600_000);
      const registered = new Date(lastLogin.getTime() - 90 * 86_400_000);
      const [row] = await tx
        .insert(users)
        .values({
          tenantId,
          orgId: at.id,
          email: u.email,
          name: u.name,
          role: u.role,
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
      await tx.insert(devices).values({ tenantId, orgId: at.id, name: d.name, model: d.model, ownerId: d.owner ? ownerIds.get(d.owner)! : null });
    }
    for (const child of org.children ?? []) await createSubOrg(child, at);
  }

  async function createSubOrg(org: DemoOrg, parent: { id: string; path: string; depth: number }): Promise<void> {
    const orgId = crypto.randomUUID();
    const at = { id: orgId, path: `${parent.path}${orgId}/`, depth: parent.depth + 1 };
    await tx.insert(organizations).values({ ...at, tenantId, parentId: parent.id, name: org.name, description: org.description ?? "", type: org.type });
    await insertGrants(tx, { tenantId, orgId, roleIds, userExtras: org.userGrants });
    await fillOrg(org, at);
  }

  if (tenant.root.description) await tx.update(organizations).set({ description: tenant.root.description }).where(eq(organizations.id, root.id));
  await fillOrg(tenant.root, root);
}
