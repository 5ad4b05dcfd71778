// Seeds one tenant of N users in a tree of 2,012 organizations of depth 4, directly in SQL
// (generate_series), the same on Postgres and PGlite. Deterministic shape, pseudo-random
// attributes (setseed), so every run measures the same data.
//
// Tree: root "Bench Root" (depth 1)
//       ├─ "Region 00" … "Region 09" (depth 2), each with 10 "<Word> District bb-dd" (depth 3),
//       │   each with 19 "<Word> Site bb-dd-ss" (depth 4): 201 orgs per region
//       └─ "Bench Delete Target" (depth 2): exactly 10,000 users (N ≥ 100k) for the bulk delete
// Users: 1% in the root org (the bench admin among them), exactly N/10 in Region 00's subtree
// (the "reach from a depth-2 org" scope and the 100k CSV export at N = 1M), the rest spread
// over Regions 01–09; within a region evenly over its 201 orgs (~500 per org at 1M).
// Attributes: roles admin 2% / staff 10% / user 88%; statuses suspended 3% / pending 10% /
// inactive 25% / active 62%; 100 last names, one of them "Smith" (the ~1% search term);
// 30% with a location, 15% with 1–2 devices, 10% with a tag.
import { hashPassword } from "@/lib/auth/password";
import { DEFAULT_GRANTS } from "@/lib/policy";
import type { Session } from "./engines";

export const BENCH_TENANT = "b0000000-0000-4000-8000-000000000001";
export const BENCH_ADMIN_EMAIL = "bench-admin@bench.test";
export const BENCH_ADMIN_PASSWORD = "bench-password-1";
/** The term of the "search" dimension: one last name in a hundred. */
export const SEARCH_TERM = "smith";
export const DELETE_COUNT = 10_000;

const FIRST = [
  "Ada", "Ben", "Cara", "Dan", "Eva", "Finn", "Gina", "Hugo", "Ines", "Jon", "Kira", "Leo", "Mara", "Nils", "Olga", "Paul", "Quinn",
  "Rosa", "Sven", "Tara", "Uwe", "Vera", "Walt", "Xena", "Yann", "Zoe", "Anna", "Bert", "Carl", "Dora", "Emil", "Fay", "Gus", "Hana",
  "Ivo", "Jill", "Karl", "Lena", "Max", "Nora", "Otto", "Pia", "Rolf", "Sara", "Tom", "Ulla", "Vito", "Wera", "Yara", "Zack",
];
const LAST = [
  "Smith", "Adler", "Bauer", "Berg", "Brandt", "Braun", "Busch", "Dietrich", "Ernst", "Fischer", "Frank", "Fuchs", "Graf", "Gross",
  "Haas", "Hahn", "Hartmann", "Heinrich", "Herrmann", "Hoffmann", "Horn", "Huber", "Jung", "Kaiser", "Keller", "Klein", "Koch",
  "Kraus", "Krause", "Kuhn", "Lang", "Lange", "Lehmann", "Lorenz", "Ludwig", "Maier", "Martin", "Mayer", "Meier", "Meyer", "Moeller",
  "Morgan", "Nagel", "Neumann", "Otto", "Peters", "Pohl", "Roth", "Sauer", "Schmid", "Schulz", "Simon", "Stein", "Thomas", "Vogel",
  "Vogt", "Wagner", "Walter", "Weber", "Werner", "Winter", "Wolf", "Ziegler", "Zimmer", "Abbott", "Baker", "Carter", "Dawson", "Ellis",
  "Foster", "Garcia", "Hughes", "Irving", "Jensen", "Kelly", "Lopez", "Murphy", "Nolan", "Owens", "Parker", "Quincy", "Reyes", "Sanders",
  "Turner", "Underwood", "Vance", "Watson", "Young", "Zamora", "Becker", "Collins", "Doyle", "Evans", "Fleming", "Gordon", "Hayes",
  "Ingram", "Jordan", "Kramer", "Lowe",
];

const WORDS = [
  "Alder", "Birch", "Cedar", "Delta", "Elm", "Falcon", "Granite", "Harbor", "Iris", "Juniper", "Kestrel", "Linden", "Maple",
  "Northway", "Oak", "Pine", "Quarry", "River", "Summit", "Tidewater", "Upland", "Valley", "Willow", "Yarrow", "Zenith",
];

export type SeedInfo = {
  n: number;
  tenantId: string;
  rootId: string;
  region0Id: string;
  district0Id: string;
  /** "… Site 00-01-01", a leaf org (depth 4). */
  siteId: string;
  deleteOrgId: string;
  deleteCount: number;
  adminEmail: string;
  adminPassword: string;
  counts: { users: number; orgs: number; devices: number; region0Reach: number; district0Reach: number; search: number };
  seconds: number;
};

const lit = (values: readonly string[]) => `ARRAY[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(",")}]::text[]`;

export async function seedBench(s: Session, n: number, log: (line: string) => void = () => {}): Promise<SeedInfo> {
  if (LAST.length !== 100 || LAST.filter((l) => l.toLowerCase().includes(SEARCH_TERM)).length !== 1) throw new Error("bad name lists");
  if (FIRST.some((f) => f.toLowerCase().includes(SEARCH_TERM))) throw new Error("bad first names");
  const started = performance.now();
  let lap = started;
  const phase = (name: string) => {
    const now = performance.now();
    log(`  seed ${name}: ${((now - lap) / 1000).toFixed(1)} s`);
    lap = now;
  };
  const T = BENCH_TENANT;
  const D = n >= 100_000 ? DELETE_COUNT : 0; // the delete target org's users
  const R = Math.max(2, Math.round(n / 100)); // root org's users, the admin included
  const E = Math.floor(n / 10); // Region 00's subtree
  const rest = n - D - R - E;
  if (rest < 0) throw new Error(`N = ${n} is too small`);
  const passwordHash = await hashPassword(BENCH_ADMIN_PASSWORD);

  // Org names start with a random word, so a subtree's orgs are spread over the alphabet (and
  // over the "Org" sort) as real customers' names would be, not clustered by region.
  const word = `(${lit(WORDS)})[1 + floor(random() * ${WORDS.length})::int]`;
  await s.exec(`
    SET synchronous_commit = off;
    SET work_mem = '128MB';
    SET maintenance_work_mem = '512MB';
    SELECT setseed(0.42);
    INSERT INTO tenants (id, name, plan, limits_override) VALUES ('${T}', 'Bench Tenant', 'business', '{"maxUsers": 2000000}');
    INSERT INTO roles (tenant_id, key, name, builtin) VALUES ('${T}', 'admin', 'Admin', true), ('${T}', 'staff', 'Staff', true), ('${T}', 'user', 'User', true);

    CREATE TEMP TABLE bench_orgs (branch int, k int, id uuid, parent_id uuid, path text, depth smallint, name text, type org_type, loc_id uuid, loc_name text);
    INSERT INTO bench_orgs (branch, k, id, parent_id, path, depth, name, type) VALUES (-2, 0, '${T}', NULL, '${T}/', 1, 'Bench Root', 'root');
    -- Ids first, paths from the parent's once every id exists.
    INSERT INTO bench_orgs (branch, k, id, parent_id, depth, name, type)
      SELECT -1, 0, gen_random_uuid(), '${T}', 2, 'Bench Delete Target', 'client';
    INSERT INTO bench_orgs (branch, k, id, parent_id, depth, name, type)
      SELECT b, 0, gen_random_uuid(), '${T}', 2, 'Region ' || lpad(b::text, 2, '0'), 'distributor' FROM generate_series(0, 9) b;
    INSERT INTO bench_orgs (branch, k, id, parent_id, depth, name, type)
      SELECT p.branch, d, gen_random_uuid(), p.id, 3, ${word} || ' District ' || lpad(p.branch::text, 2, '0') || '-' || lpad(d::text, 2, '0'), 'reseller'
      FROM bench_orgs p CROSS JOIN generate_series(1, 10) d WHERE p.depth = 2 AND p.branch >= 0;
    INSERT INTO bench_orgs (branch, k, id, parent_id, depth, name, type)
      SELECT p.branch, 10 + (p.k - 1) * 19 + s, gen_random_uuid(), p.id, 4,
        ${word} || ' Site ' || lpad(p.branch::text, 2, '0') || '-' || lpad(p.k::text, 2, '0') || '-' || lpad(s::text, 2, '0'), 'installer'
      FROM bench_orgs p CROSS JOIN generate_series(1, 19) s WHERE p.depth = 3;
    UPDATE bench_orgs c SET path = p.path || c.id || '/' FROM bench_orgs p WHERE c.depth = 2 AND p.id = c.parent_id;
    UPDATE bench_orgs c SET path = p.path || c.id || '/' FROM bench_orgs p WHERE c.depth = 3 AND p.id = c.parent_id;
    UPDATE bench_orgs c SET path = p.path || c.id || '/' FROM bench_orgs p WHERE c.depth = 4 AND p.id = c.parent_id;
    INSERT INTO organizations (id, tenant_id, parent_id, path, depth, name, type)
      SELECT id, '${T}', parent_id, path, depth, name, type FROM bench_orgs ORDER BY depth, path;
    INSERT INTO locations (tenant_id, org_id, name) SELECT '${T}', id, 'Office ' || name FROM bench_orgs;
    UPDATE bench_orgs b SET loc_id = l.id, loc_name = l.name FROM locations l WHERE l.org_id = b.id;
    CREATE INDEX ON bench_orgs (branch, k);
    ANALYZE bench_orgs;
  `);

  // Every org gets the default grants of every built-in role, as the product does on creation.
  const grants = Object.entries(DEFAULT_GRANTS).flatMap(([role, permissions]) => permissions.map((p) => [role, p] as const));
  await s.query(
    `INSERT INTO role_grants (tenant_id, org_id, role_id, permission)
     SELECT '${T}', o.id, r.id, g.permission
     FROM bench_orgs o CROSS JOIN unnest($1::text[], $2::text[]) AS g(role_key, permission)
     JOIN roles r ON r.tenant_id = '${T}' AND r.key = g.role_key`,
    [grants.map((g) => g[0]), grants.map((g) => g[1])],
  );
  phase("tenant, 2,012 orgs, grants, locations");

  // Org of the i-th user (see the header comment), then its attributes from random().
  const branchOf = `CASE WHEN g.i <= ${D} THEN -1 WHEN g.i <= ${D + R - 1} THEN -2 WHEN g.i <= ${D + R - 1 + E} THEN 0 ELSE 1 + (g.i % 9) END`;
  const kOf = `CASE WHEN g.i <= ${D + R - 1} THEN 0 WHEN g.i <= ${D + R - 1 + E} THEN g.i % 201 ELSE (g.i / 9) % 201 END`;
  // A bulk load builds its indexes afterwards, each in one sorted pass: inserting 1M rows
  // into 24 live indexes took ~10 minutes, mostly WAL. The definitions are read from the
  // catalog and replayed unchanged; indexes behind constraints (the primary key) stay.
  const indexes = await s.query<{ name: string; def: string }>(
    `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS def FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
     WHERE x.indrelid = 'users'::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)`,
  );
  await s.exec(indexes.map((i) => `DROP INDEX "${i.name}";`).join("\n"));
  await s.exec(`
    -- org_name is set in the insert and each org's user_count after it, both in one pass
    -- instead of through their triggers.
    ALTER TABLE users DISABLE TRIGGER users_org_name;
    ALTER TABLE users DISABLE TRIGGER users_zz_org_count_insert;
    INSERT INTO users (tenant_id, org_id, org_name, email, name, role, accepted_at, registered_at, last_login_at, suspended_at, device_count, location_name)
    SELECT '${T}', o.id, o.name,
      lower(g.first) || '.' || lower(g.last) || '.' || g.i || '@bench.test',
      g.first || ' ' || g.last,
      CASE WHEN o.branch = -1 THEN 'user' WHEN g.r_role < 0.02 THEN 'admin' WHEN g.r_role < 0.12 THEN 'staff' ELSE 'user' END,
      CASE WHEN g.st = 'pending' THEN NULL ELSE g.reg END,
      g.reg,
      CASE g.st
        WHEN 'pending' THEN NULL
        WHEN 'active' THEN now() - interval '1 day' * (g.r2 * 29.5)
        WHEN 'inactive' THEN g.reg + ((now() - interval '31 days') - g.reg) * g.r2
        ELSE g.reg + (now() - g.reg) * g.r2 END,
      CASE WHEN g.st = 'suspended' THEN now() - interval '1 day' * (g.r2 * 20) END,
      CASE WHEN g.r_dev < 0.85 THEN 0 WHEN g.r_dev < 0.95 THEN 1 ELSE 2 END,
      CASE WHEN g.r_loc < 0.3 THEN o.loc_name END
    FROM (
      SELECT i, first, last, r_role, r2, r_dev, r_loc, st,
        -- Half of the pending invitations are recent, half have been waiting for a long time.
        CASE WHEN st = 'pending' AND r1 < 0.5 THEN now() - interval '1 day' * (r1 * 2 * 60) ELSE now() - interval '1 day' * (31 + r1 * 1000) END AS reg
      FROM (
        SELECT i, first, last, r_role, r1, r2, r_dev, r_loc,
          CASE WHEN r_st < 0.03 THEN 'suspended' WHEN r_st < 0.13 THEN 'pending' WHEN r_st < 0.38 THEN 'inactive' ELSE 'active' END AS st
        FROM (
          SELECT i,
            (${lit(FIRST)})[1 + floor(random() * ${FIRST.length})::int] AS first,
            (${lit(LAST)})[1 + floor(random() * ${LAST.length})::int] AS last,
            random() AS r_role, random() AS r1, random() AS r2, random() AS r_dev, random() AS r_loc, random() AS r_st
          FROM generate_series(1, ${n - 1}) i
          OFFSET 0 -- a fence: each random() is drawn once per row, not once per reference
        ) a
      ) b
    ) g
    JOIN bench_orgs o ON o.branch = (${branchOf}) AND o.k = (${kOf});
    INSERT INTO users (tenant_id, org_id, org_name, email, name, role, password_hash, accepted_at, registered_at, last_login_at)
      VALUES ('${T}', '${T}', 'Bench Root', '${BENCH_ADMIN_EMAIL}', 'Bench Admin', 'admin', '${passwordHash}', now() - interval '400 days', now() - interval '400 days', now());
    ALTER TABLE users ENABLE TRIGGER users_org_name;
    ALTER TABLE users ENABLE TRIGGER users_zz_org_count_insert;
    UPDATE org_member_counts m SET user_count = c.n FROM (SELECT org_id, count(*)::int AS n FROM users GROUP BY org_id) c WHERE m.org_id = c.org_id;
  `);
  phase(`${n.toLocaleString("en")} users`);
  for (const index of indexes) await s.exec(index.def);
  phase(`${indexes.length} users indexes`);
  await s.exec(`
    -- Devices match device_count, set in the users' insert; each org's device_count is set after.
    ALTER TABLE devices DISABLE TRIGGER devices_owner_count_insert;
    ALTER TABLE devices DISABLE TRIGGER devices_zz_org_count_insert;
    INSERT INTO devices (tenant_id, org_id, owner_id, name, model)
      SELECT u.tenant_id, u.org_id, u.id, 'Thermostat ' || d, 'Bench T-' || d FROM users u CROSS JOIN LATERAL generate_series(1, u.device_count) d
      WHERE u.device_count > 0;
    ALTER TABLE devices ENABLE TRIGGER devices_owner_count_insert;
    ALTER TABLE devices ENABLE TRIGGER devices_zz_org_count_insert;
    UPDATE org_member_counts m SET device_count = c.n FROM (SELECT org_id, count(*)::int AS n FROM devices GROUP BY org_id) c WHERE m.org_id = c.org_id;

    INSERT INTO user_locations (tenant_id, user_id, location_id)
      SELECT u.tenant_id, u.id, l.id FROM users u JOIN locations l ON l.org_id = u.org_id WHERE u.location_name IS NOT NULL;
    INSERT INTO tags (tenant_id, name, color) SELECT '${T}', 'Tag ' || t, 'slate' FROM generate_series(1, 5) t;
    INSERT INTO user_tags (tenant_id, user_id, tag_id)
      SELECT u.tenant_id, u.id, t.id FROM (SELECT id, tenant_id, floor(random() * 50)::int AS pick FROM users) u
      JOIN tags t ON t.name = 'Tag ' || (u.pick + 1) WHERE u.pick < 5;
  `);
  phase("devices, locations, tags");
  await s.exec("VACUUM ANALYZE");
  phase("VACUUM ANALYZE");
  await s.exec("CHECKPOINT");
  phase("CHECKPOINT");

  const [orgs] = await s.query<{ root: string; region0: string; district0: string; site: string; del: string }>(
    `SELECT max(id::text) FILTER (WHERE branch = -2) AS root, max(id::text) FILTER (WHERE branch = 0 AND k = 0) AS region0,
            max(id::text) FILTER (WHERE branch = 0 AND k = 11) AS site,
            max(id::text) FILTER (WHERE branch = 0 AND k = 1) AS district0, max(id::text) FILTER (WHERE branch = -1) AS del FROM bench_orgs`,
  );
  const [c] = await s.query<Record<string, number>>(
    `SELECT (SELECT count(*) FROM users)::int AS users, (SELECT count(*) FROM organizations)::int AS orgs, (SELECT count(*) FROM devices)::int AS devices,
       (SELECT count(*) FROM users u JOIN organizations o ON o.id = u.org_id WHERE o.path LIKE $1 || '%')::int AS region0,
       (SELECT count(*) FROM users u JOIN organizations o ON o.id = u.org_id WHERE o.path LIKE $2 || '%')::int AS district0,
       (SELECT count(*) FROM users WHERE name ILIKE $3 OR email ILIKE $3)::int AS search`,
    [`${T}/${orgs!.region0}/`, `${T}/${orgs!.region0}/${orgs!.district0}/`, `%${SEARCH_TERM}%`],
  );
  await s.exec("DROP TABLE bench_orgs");
  return {
    n,
    tenantId: T,
    rootId: orgs!.root,
    region0Id: orgs!.region0,
    district0Id: orgs!.district0,
    siteId: orgs!.site,
    deleteOrgId: orgs!.del,
    deleteCount: D,
    adminEmail: BENCH_ADMIN_EMAIL,
    adminPassword: BENCH_ADMIN_PASSWORD,
    counts: { users: c!.users!, orgs: c!.orgs!, devices: c!.devices!, region0Reach: c!.region0!, district0Reach: c!.district0!, search: c!.search! },
    seconds: (performance.now() - started) / 1000,
  };
}

/** The SeedInfo of a database seeded earlier (kept with --keep), without its timings. */
export async function seedInfoOf(s: Session): Promise<SeedInfo> {
  const [o] = await s.query<Record<string, string>>(
    `SELECT max(id::text) FILTER (WHERE name = 'Region 00') AS region0, max(id::text) FILTER (WHERE name LIKE '% District 00-01') AS district0,
            max(id::text) FILTER (WHERE name LIKE '% Site 00-01-01') AS site,
            max(id::text) FILTER (WHERE name = 'Bench Delete Target') AS del FROM organizations WHERE tenant_id = $1`,
    [BENCH_TENANT],
  );
  const [c] = await s.query<Record<string, number>>(
    `SELECT (SELECT count(*) FROM users)::int AS users, (SELECT count(*) FROM organizations)::int AS orgs, (SELECT count(*) FROM devices)::int AS devices,
       (SELECT count(*) FROM users WHERE org_id = $1)::int AS del`,
    [o!.del],
  );
  return {
    n: c!.users!,
    tenantId: BENCH_TENANT,
    rootId: BENCH_TENANT,
    region0Id: o!.region0!,
    district0Id: o!.district0!,
    siteId: o!.site!,
    deleteOrgId: o!.del!,
    deleteCount: c!.del!,
    adminEmail: BENCH_ADMIN_EMAIL,
    adminPassword: BENCH_ADMIN_PASSWORD,
    counts: { users: c!.users!, orgs: c!.orgs!, devices: c!.devices!, region0Reach: -1, district0Reach: -1, search: -1 },
    seconds: 0,
  };
}
