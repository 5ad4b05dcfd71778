import "server-only";
import { and, eq } from "drizzle-orm";
import { mulberry32 } from "./prng";
import type { Db } from "./types";
import { devices, locations, organizations, tags, tenants, userLocations, users, userTags } from "./schema";

// The people around the personas (demo mode only): a few hundred generated members of Acme
// Heating, so sorting, filters, paging and "All in reach" have something to show on the first
// visit. Deterministic (a seeded PRNG and fixed lists), and cheap: no password is hashed.
// The personas of db/seed.ts are untouched; the tests' databases never get these people.

export const CROWD_SIZE = 300;
/** The crowd's user limit: Pro allows 100 users, so the demo tenant carries a tenant override (as an operator would set). */
export const CROWD_USER_LIMIT = 500;

/**
 * One argon2id hash of a random secret nobody kept: the generated people have accepted and
 * logged in, so they have a password, yet none is a login anyone can use.
 */
const UNUSABLE_HASH = "$argon2id$v=19$m=19456,t=2,p=1$jNN1rPAHa4E90HVsNvM03g$kARXfrmO7KSSMmrOkDb2aKXehP64fEst9nVIi5licGQ";

const FIRST = ["Ada", "Ben", "Carla", "Dev", "Elena", "Finn", "Grace", "Hugo", "Ines", "Jonas", "Kara", "Liam", "Maya", "Nils", "Olga", "Pablo", "Quinn", "Rosa", "Sven", "Tara", "Umar", "Vera", "Wes", "Xenia", "Yusuf", "Zoe", "Aron", "Bianca", "Cem", "Dora", "Emil", "Fatima", "Gus", "Hana", "Ivo", "Jana", "Kofi", "Lena", "Marek", "Nora"];
const LAST = ["Andersen", "Becker", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia", "Hansen", "Ibsen", "Jansen", "Kowalski", "Lambert", "Moreau", "Novak", "Okafor", "Petrov", "Quint", "Rossi", "Schmidt", "Tanaka", "Ueda", "Vogel", "Weber", "Xu", "Young", "Zimmer", "Baker", "Chen", "Duarte", "Evans"];
const MODELS = [
  ["Thermostat", "Acme T-200"],
  ["Thermostat", "Acme T-100"],
  ["Boiler", "Acme B-35"],
  ["Heat Pump", "Acme HP-9"],
  ["Water Heater", "Acme W-4"],
  ["Radiator Valve", "Acme RV-2"],
] as const;
const TAGS = [
  ["Key holder", "amber"],
  ["Night shift", "indigo"],
  ["Trainee", "emerald"],
  ["Contractor", "slate"],
  ["VIP", "rose"],
] as const;

/** Where the crowd lives: an org of the demo tree (by name), its share, its locations and email domain. */
const PLACES = [
  { org: "Acme Heating", share: 0.45, domain: "acme.test", locations: ["Head office", "North depot", "South depot"], staff: 0.2 },
  { org: "Muller Boiler Group", share: 0.3, domain: "muller.test", locations: ["Muller Works", "Muller Showroom"], staff: 0.1 },
  { org: "United Heaters Inc.", share: 0.21, domain: "united.test", locations: ["United Plant"], staff: 0.1 },
  { org: "Marsh Residence", share: 0.02, domain: "united.test", locations: [], staff: 0 },
  { org: "Hill Cottage", share: 0.02, domain: "united.test", locations: [], staff: 0 },
];

/** The seeded PRNG of the crowd, with the two ways it is used. */
function prng(seed: number) {
  const next = mulberry32(seed);
  return { next, pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!, chance: (p: number) => next() < p };
}

const DAY = 86_400_000;

/**
 * Adds the crowd to Acme Heating, once (the caller runs it right after creating the demo
 * tenant); returns how many people it added.
 */
export async function seedDemoCrowd(db: Db, now = Date.now()): Promise<number> {
  return db.transaction(async (tx) => {
    const [admin] = await tx.select({ tenantId: users.tenantId }).from(users).where(eq(users.email, "admin@acme.test")).limit(1);
    if (!admin) return 0;
    const { tenantId } = admin;
    await tx.update(tenants).set({ limitsOverride: { maxUsers: CROWD_USER_LIMIT } }).where(eq(tenants.id, tenantId));
    const rand = prng(20_261_207);

    const tagIds = await tx
      .insert(tags)
      .values(TAGS.map(([name, color]) => ({ tenantId, name, color })))
      .returning({ id: tags.id });

    let added = 0;
    const taken = new Set<string>();
    for (const place of PLACES) {
      const [org] = await tx.select({ id: organizations.id }).from(organizations).where(and(eq(organizations.tenantId, tenantId), eq(organizations.name, place.org)));
      if (!org) continue;
      const locs = place.locations.length
        ? await tx
            .insert(locations)
            .values(place.locations.map((name) => ({ tenantId, orgId: org.id, name })))
            .returning({ id: locations.id, name: locations.name })
        : [];
      const people = Array.from({ length: Math.round(CROWD_SIZE * place.share) }, () => person(rand, place, locs, taken, now));
      const rows = await tx
        .insert(users)
        .values(people.map((p) => ({ tenantId, orgId: org.id, ...p.user })))
        .returning({ id: users.id });
      added += rows.length;
      const located = people.flatMap((p, i) => (p.location ? [{ tenantId, userId: rows[i]!.id, locationId: p.location.id }] : []));
      if (located.length) await tx.insert(userLocations).values(located);
      const tagged = people.flatMap((p, i) => p.tags.map((t) => ({ tenantId, userId: rows[i]!.id, tagId: tagIds[t]!.id })));
      if (tagged.length) await tx.insert(userTags).values(tagged);
      const owned = people.flatMap((p, i) =>
        Array.from({ length: p.devices }, () => {
          const [name, model] = rand.pick(MODELS);
          return { tenantId, orgId: org.id, ownerId: rows[i]!.id, name, model, locationId: p.location?.id ?? null, createdAt: p.user.registeredAt };
        }),
      );
      // A few devices nobody owns yet, as a real fleet has.
      const spare = Array.from({ length: Math.round(people.length / 15) }, () => {
        const [name, model] = rand.pick(MODELS);
        return { tenantId, orgId: org.id, ownerId: null, name: `Spare ${name}`, model, locationId: locs.length ? rand.pick(locs).id : null, createdAt: new Date(now - Math.floor(rand.next() * 400) * DAY) };
      });
      if (owned.length + spare.length) await tx.insert(devices).values([...owned, ...spare]);
    }
    return added;
  });
}

type Place = (typeof PLACES)[number];

/** One generated person: status, logins and dates consistent with product.md §2 (accepted ⇒ logged in). */
function person(rand: ReturnType<typeof prng>, place: Place, locs: { id: string; name: string }[], taken: Set<string>, now: number) {
  const first = rand.pick(FIRST);
  const last = rand.pick(LAST);
  let email = `${first}.${last}@${place.domain}`.toLowerCase();
  for (let n = 2; taken.has(email); n++) email = `${first}.${last}${n}@${place.domain}`.toLowerCase();
  taken.add(email);

  const registeredAt = new Date(now - (30 + Math.floor(rand.next() * 900)) * DAY);
  const pending = rand.chance(0.08);
  // Most logged in this month; a fifth not for longer (inactive); some suspended.
  const daysAgo = rand.chance(0.78) ? rand.next() * 30 : 31 + rand.next() * 300;
  const lastLoginAt = pending ? null : new Date(Math.max(registeredAt.getTime() + DAY, now - daysAgo * DAY));
  const suspendedAt = !pending && rand.chance(0.05) ? new Date(now - Math.floor(rand.next() * 60) * DAY) : null;
  const location = locs.length && rand.chance(0.75) ? rand.pick(locs) : null;
  const tagCount = rand.chance(0.3) ? 1 + Math.floor(rand.next() * 2) : 0;
  const tagIndexes = [...new Set(Array.from({ length: tagCount }, () => Math.floor(rand.next() * TAGS.length)))];
  return {
    user: {
      email,
      name: `${first} ${last}`,
      role: rand.chance(place.staff) ? "staff" : "user",
      passwordHash: pending ? null : UNUSABLE_HASH,
      acceptedAt: pending ? null : registeredAt,
      registeredAt,
      lastLoginAt,
      suspendedAt,
      locationName: location?.name ?? null,
    },
    location,
    tags: tagIndexes,
    devices: pending ? 0 : rand.chance(0.4) ? 1 + Math.floor(rand.next() * 2) : 0,
  };
}
