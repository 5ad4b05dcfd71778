// The whole data model. Every tenant-owned table carries tenant_id (the root org's id) and
// every query filters on it, so one tenant can later live on one shard.
import { sql, type SQL } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  type PgColumn,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { ORG_TYPES, PLAN_KEYS } from "@/lib/policy/plans";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const id = () => uuid("id").primaryKey().defaultRandom();

// ─── enums ──────────────────────────────────────────────────────────────────
// Declared once, in the policy (pure data); tests/db/enums.test.ts pins the database's enums to them.
export const planEnum = pgEnum("plan", PLAN_KEYS);
export const orgTypeEnum = pgEnum("org_type", ORG_TYPES);
export const tokenKindEnum = pgEnum("token_kind", ["invitation", "password_reset"]);
export const outboxStatusEnum = pgEnum("outbox_status", ["pending", "sent", "failed"]);

// ─── tables ─────────────────────────────────────────────────────────────────
export const tenants = pgTable("tenants", {
  // Equal to the root organization's id.
  id: uuid("id").primaryKey(),
  name: text("name").notNull(),
  plan: planEnum("plan").notNull().default("free"),
  // Operator overrides of the plan's limits (business user cap, depth, ...).
  limitsOverride: jsonb("limits_override").$type<Record<string, number | null>>(),
  createdAt: ts("created_at").notNull().defaultNow(),
  // Set by the operator: nobody of the tenant may log in, and its sessions end on their next request.
  suspendedAt: ts("suspended_at"),
  // Self-registration (business plans): the public join link /join/<handle>, whether it is on,
  // the role new members get and the email domains allowed (empty: any).
  handle: text("handle"),
  joinEnabled: boolean("join_enabled").notNull().default(false),
  joinRole: text("join_role").notNull().default("user"),
  joinDomains: text("join_domains").array().notNull().default(sql`'{}'::text[]`),
}, (t) => [
  uniqueIndex("tenants_handle_uq").on(t.handle),
  check("tenants_handle_ck", sql`${t.handle} ~ '^[a-z0-9](?:[a-z0-9-]{1,38}[a-z0-9])$'`),
]);

// A tenant's org tree version, bumped by a trigger whenever one of its orgs is created, deleted
// or moved, so a subtree's org ids can be cached per version (lib/orgs/subtree-cache.ts). A row
// of its own rather than a column of tenants: the trigger's update must not wait on the tenant
// row that invitations and role commands lock (db/migrations/0010_org_tree_version.sql).
export const orgTreeVersions = pgTable("org_tree_versions", {
  tenantId: uuid("tenant_id")
    .primaryKey()
    .references(() => tenants.id, { onDelete: "cascade" }),
  version: integer("version").notNull().default(0),
});

export const organizations = pgTable(
  "organizations",
  {
    id: id(),
    tenantId: uuid("tenant_id").notNull().references(() => tenants.id, { onDelete: "cascade" }),
    parentId: uuid("parent_id"),
    // Materialized path of ids, root first, each followed by "/": "r/c/g/". The subtree of
    // an org is one range scan on (tenant_id, path) with a prefix match.
    path: text("path").notNull(),
    depth: smallint("depth").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    type: orgTypeEnum("type").notNull().default("client"),
    canCreateSubOrgs: boolean("can_create_sub_orgs").notNull().default(true),
    timezone: text("timezone").notNull().default("UTC"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.parentId], foreignColumns: [t.id] }).onDelete("restrict"),
    index("organizations_tenant_path_idx").on(t.tenantId, t.path.op("text_pattern_ops")),
    index("organizations_parent_idx").on(t.parentId),
    uniqueIndex("organizations_sibling_name_uq").on(t.tenantId, sql`coalesce(${t.parentId}, ${t.tenantId})`, sql`lower(${t.name})`),
    check("organizations_depth_ck", sql`${t.depth} between 1 and 8`),
    check("organizations_name_ck", sql`char_length(${t.name}) between 3 and 80`),
  ],
);

// Each org's own users and devices (not its sub-orgs'), kept by statement triggers on users
// and devices (db/migrations/0011_org_member_counts.sql): counting them for the organizations
// page read every user of a million-user tenant. A row of its own, created with the org, not
// columns of organizations: commands that add people to an org hold it FOR SHARE, which an
// update of the org row would wait for.
export const orgMemberCounts = pgTable("org_member_counts", {
  orgId: uuid("org_id")
    .primaryKey()
    .references(() => organizations.id, { onDelete: "cascade" }),
  userCount: integer("user_count").notNull().default(0),
  deviceCount: integer("device_count").notNull().default(0),
});

export const roles = pgTable(
  "roles",
  {
    id: id(),
    tenantId: uuid("tenant_id").notNull().references(() => tenants.id, { onDelete: "cascade" }),
    // "admin" | "staff" | "user" for the built-in roles; custom roles get their own key.
    key: text("key").notNull(),
    name: text("name").notNull(),
    builtin: boolean("builtin").notNull().default(false),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  // A constraint, not an index: users reference (tenant_id, key), and drizzle-kit emits
  // foreign keys before indexes.
  (t) => [unique("roles_tenant_key_uq").on(t.tenantId, t.key)],
);

/** Grants are stored per (org, role): one row per permission held. */
export const roleGrants = pgTable(
  "role_grants",
  {
    tenantId: uuid("tenant_id").notNull().references(() => tenants.id, { onDelete: "cascade" }),
    orgId: uuid("org_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    roleId: uuid("role_id").notNull().references(() => roles.id, { onDelete: "cascade" }),
    permission: text("permission").notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.roleId, t.permission] }), index("role_grants_role_idx").on(t.roleId)],
);

export const users = pgTable(
  "users",
  {
    id: id(),
    tenantId: uuid("tenant_id").notNull().references(() => tenants.id, { onDelete: "cascade" }),
    orgId: uuid("org_id").notNull().references(() => organizations.id, { onDelete: "restrict" }),
    // Global across tenants; stored normalised (trimmed, NFKC, lower-case).
    email: text("email").notNull(),
    name: text("name").notNull(),
    phone: text("phone"),
    role: text("role").notNull(),
    // No type column: a person's type follows from developer mode and the org (userTypeOf).
    developerMode: boolean("developer_mode").notNull().default(false),
    passwordHash: text("password_hash"),
    // Pending ⇔ accepted_at IS NULL. Invariant: accepted ⇒ last_login_at is set.
    acceptedAt: ts("accepted_at"),
    registeredAt: ts("registered_at").notNull().defaultNow(),
    lastLoginAt: ts("last_login_at"),
    suspendedAt: ts("suspended_at"),
    // Bumped to end every session of the user on their next request.
    sessionVersion: integer("session_version").notNull().default(1),
    // Denormalised for the "Devices" sort; maintained by a trigger on devices.
    deviceCount: integer("device_count").notNull().default(0),
    // Denormalised first location name for the "Location" sort.
    locationName: text("location_name"),
    // Denormalised org name for the "Org" sort; kept by triggers (0004_org_name.sql).
    orgName: text("org_name").notNull().default(""),
    // The status sort's rank (0 suspended, 1 pending, 2 accepted: active or inactive by the last
    // login) and the last login with "never" as −∞. Columns rather than index expressions
    // because Postgres answers from the index alone only when the columns a condition names are
    // in it: a capped count with a status filter reads no table rows (bench/README.md).
    statusRank: smallint("status_rank")
      .notNull()
      .generatedAlwaysAs((): SQL => sql`CASE WHEN ${users.suspendedAt} IS NOT NULL THEN 0 WHEN ${users.acceptedAt} IS NULL THEN 1 ELSE 2 END`),
    lastLoginKey: ts("last_login_key")
      .notNull()
      .generatedAlwaysAs((): SQL => sql`coalesce(${users.lastLoginAt}, '-infinity'::timestamptz)`),
  },
  (t) => {
    // Sort orders of the users table (lib/users/sort.ts), each with the exact expressions the
    // ORDER BY uses, so Postgres walks the index and stops (performance.md): a non-unique
    // column's ties by name, then id (0016_users_sort_ties_by_name.sql).
    const sortKeys = {
      name: [t.name],
      email: [t.email],
      // By org name, then org: orgs that share a name do not interleave, and a subtree can be
      // read org by org (lib/users/list.ts).
      org_name: [t.orgName, t.orgId, t.name],
      role: [t.role, t.name],
      location: [sql`coalesce(${t.locationName}, '')`, t.name],
      status: [t.statusRank, t.lastLoginKey, t.name],
      last_login: [t.lastLoginKey, t.name],
      registered: [t.registeredAt, t.name],
      devices: [t.deviceCount, t.name],
    };
    // The role indexes carry the status after the id (which already makes the order unique), so
    // a role filter's capped count with a status filter is read from the index alone too. The
    // registered indexes carry it so that a walk checks the status in the index: the newest
    // users are mostly pending invitations, which "registered, newest first" with active or
    // inactive chosen read from the table one by one (bench/README.md).
    const statusKeys = [t.statusRank, t.lastLoginKey];
    const carried: Partial<Record<keyof typeof sortKeys, PgColumn[]>> = { role: statusKeys, registered: statusKeys };
    // users_<scope>_<sort>_idx: led by org_id for one org (the default view, so an org of 10,000
    // users is walked, not fetched and sorted on every page, bench/README.md), by tenant_id for
    // "All in reach" (from the root; below it, with the subtree's org ids as a filter).
    const sortIndexes = (scope: "org" | "tenant", lead: typeof t.orgId) =>
      Object.entries(sortKeys).map(([sort, keys]) =>
        index(`users_${scope}_${sort}_idx`).on(lead, ...keys.filter((k) => k !== lead), t.id, ...(carried[sort as keyof typeof sortKeys] ?? [])),
      );
    return [
      uniqueIndex("users_email_uq").on(sql`lower(${t.email})`),
      foreignKey({ columns: [t.tenantId, t.role], foreignColumns: [roles.tenantId, roles.key] }).onUpdate("cascade"),
      check("users_name_ck", sql`char_length(${t.name}) between 1 and 60`),
      ...sortIndexes("org", t.orgId),
      ...sortIndexes("tenant", t.tenantId),
      index("users_tenant_org_idx").on(t.tenantId, t.orgId, t.id),
      index("users_name_trgm_idx").using("gin", t.name.op("gin_trgm_ops")),
      index("users_email_trgm_idx").using("gin", t.email.op("gin_trgm_ops")),
    ];
  },
);

export const sessions = pgTable(
  "sessions",
  {
    id: id(),
    tenantId: uuid("tenant_id").notNull().references(() => tenants.id, { onDelete: "cascade" }),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    createdAt: ts("created_at").notNull().defaultNow(),
    lastSeenAt: ts("last_seen_at").notNull().defaultNow(),
    revokedAt: ts("revoked_at"),
    userAgent: text("user_agent"),
    ip: text("ip"),
  },
  (t) => [index("sessions_user_idx").on(t.userId, t.createdAt.desc())],
);

/** Invitation and password-reset tokens: only the SHA-256 of the token is stored. */
export const userTokens = pgTable(
  "user_tokens",
  {
    id: id(),
    tenantId: uuid("tenant_id").notNull().references(() => tenants.id, { onDelete: "cascade" }),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    kind: tokenKindEnum("kind").notNull(),
    tokenHash: text("token_hash").notNull(),
    expiresAt: ts("expires_at").notNull(),
    usedAt: ts("used_at"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("user_tokens_hash_uq").on(t.tokenHash), index("user_tokens_user_idx").on(t.userId, t.kind)],
);

export const locations = pgTable(
  "locations",
  {
    id: id(),
    tenantId: uuid("tenant_id").notNull().references(() => tenants.id, { onDelete: "cascade" }),
    orgId: uuid("org_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    address: text("address").notNull().default(""),
    // Optional, and only both together: a map pin, not a geocoded address.
    latitude: doublePrecision("latitude"),
    longitude: doublePrecision("longitude"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("locations_org_name_uq").on(t.orgId, sql`lower(${t.name})`),
    index("locations_tenant_idx").on(t.tenantId),
    check("locations_name_ck", sql`char_length(${t.name}) between 1 and 80`),
    check("locations_address_ck", sql`char_length(${t.address}) <= 300`),
    check("locations_coordinates_ck", sql`(${t.latitude} IS NULL) = (${t.longitude} IS NULL) AND ${t.latitude} BETWEEN -90 AND 90 AND ${t.longitude} BETWEEN -180 AND 180`),
  ],
);

export const devices = pgTable(
  "devices",
  {
    id: id(),
    tenantId: uuid("tenant_id").notNull().references(() => tenants.id, { onDelete: "cascade" }),
    orgId: uuid("org_id").notNull().references(() => organizations.id, { onDelete: "restrict" }),
    // Never deleted with the user: a deleted user's devices pass on or lose their owner.
    ownerId: uuid("owner_id").references(() => users.id, { onDelete: "set null" }),
    locationId: uuid("location_id").references(() => locations.id, { onDelete: "set null" }),
    name: text("name").notNull(),
    model: text("model").notNull().default(""),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("devices_org_idx").on(t.orgId, t.name, t.id),
    index("devices_owner_idx").on(t.ownerId),
    index("devices_tenant_idx").on(t.tenantId),
    index("devices_location_idx").on(t.locationId),
  ],
);

export const tags = pgTable(
  "tags",
  {
    id: id(),
    tenantId: uuid("tenant_id").notNull().references(() => tenants.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    color: text("color").notNull().default("slate"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("tags_tenant_name_uq").on(t.tenantId, sql`lower(${t.name})`)],
);

export const userTags = pgTable(
  "user_tags",
  {
    tenantId: uuid("tenant_id").notNull().references(() => tenants.id, { onDelete: "cascade" }),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    tagId: uuid("tag_id").notNull().references(() => tags.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.tagId] }), index("user_tags_tag_idx").on(t.tagId)],
);

export const deviceTags = pgTable(
  "device_tags",
  {
    tenantId: uuid("tenant_id").notNull().references(() => tenants.id, { onDelete: "cascade" }),
    deviceId: uuid("device_id").notNull().references(() => devices.id, { onDelete: "cascade" }),
    tagId: uuid("tag_id").notNull().references(() => tags.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.deviceId, t.tagId] }), index("device_tags_tag_idx").on(t.tagId)],
);

export const userLocations = pgTable(
  "user_locations",
  {
    tenantId: uuid("tenant_id").notNull().references(() => tenants.id, { onDelete: "cascade" }),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    locationId: uuid("location_id").notNull().references(() => locations.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.locationId] }), index("user_locations_location_idx").on(t.locationId)],
);

/** Append-only (a trigger refuses UPDATE and DELETE). Actor and target are copied, not
 * referenced, so the record outlives the user. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    tenantId: uuid("tenant_id"),
    orgId: uuid("org_id"),
    actorId: uuid("actor_id"),
    actorEmail: text("actor_email"),
    // Names as they were when the row was written (lib/audit/write.ts fills them from the ids):
    // the log reads "Sam Stone" even after Sam is renamed or deleted. Null on older rows.
    actorName: text("actor_name"),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: uuid("target_id"),
    targetLabel: text("target_label"),
    targetName: text("target_name"),
    orgName: text("org_name"),
    before: jsonb("before"),
    after: jsonb("after"),
    requestId: text("request_id"),
    ip: text("ip"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("audit_log_tenant_time_idx").on(t.tenantId, t.createdAt.desc(), t.id.desc()),
    index("audit_log_target_idx").on(t.targetId, t.createdAt.desc()),
    index("audit_log_actor_idx").on(t.actorId, t.createdAt.desc()),
  ],
);

/** Emails are written here in the command's transaction and delivered after commit. */
export const outbox = pgTable(
  "outbox",
  {
    id: id(),
    tenantId: uuid("tenant_id"),
    kind: text("kind").notNull(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    // What to attach, built when the mail is delivered (lib/mail/attachments.ts), never stored whole.
    attachment: jsonb("attachment").$type<Record<string, unknown>>(),
    status: outboxStatusEnum("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: ts("next_attempt_at").notNull().defaultNow(),
    lastError: text("last_error"),
    createdAt: ts("created_at").notNull().defaultNow(),
    sentAt: ts("sent_at"),
  },
  (t) => [index("outbox_due_idx").on(t.status, t.nextAttemptAt), index("outbox_created_idx").on(t.createdAt.desc())],
);

/**
 * "Forgot password" requests waiting to be turned into a reset email after the answer has gone
 * out, so the answer costs the same for an address with or without an account (security.md E3).
 * Global like the email it names: the tenant is only known once the address is looked up.
 */
export const resetRequests = pgTable("reset_requests", {
  id: id(),
  email: text("email").notNull(),
  ip: text("ip"),
  createdAt: ts("created_at").notNull().defaultNow(),
});

/**
 * Sign-ups waiting for their emailed link: a new tenant (tenant_id null) or a join into a business
 * tenant's root org. Queued without a token; the step after the answer (lib/signup/prepare.ts)
 * issues the token — only its SHA-256 is stored — or tells an existing account holder instead.
 * Finishing deletes the row (single use); expired rows are purged.
 */
export const signupRequests = pgTable(
  "signup_requests",
  {
    id: id(),
    tenantId: uuid("tenant_id").references(() => tenants.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    name: text("name").notNull(),
    orgName: text("org_name"),
    passwordHash: text("password_hash").notNull(),
    ip: text("ip"),
    tokenHash: text("token_hash"),
    createdAt: ts("created_at").notNull().defaultNow(),
    expiresAt: ts("expires_at").notNull(),
  },
  (t) => [
    uniqueIndex("signup_requests_token_uq").on(t.tokenHash),
    index("signup_requests_queued_idx").on(t.createdAt).where(sql`${t.tokenHash} IS NULL`),
    index("signup_requests_expires_idx").on(t.expiresAt),
  ],
);

/** Login throttling counters, shared by every app process through the database. */
export const authThrottle = pgTable("auth_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  windowStart: ts("window_start").notNull(),
  blockedUntil: ts("blocked_until"),
  /** Attempts refused while blocked: counted here, not written to the audit log one by one. */
  refused: integer("refused").notNull().default(0),
});

// ─── row types ──────────────────────────────────────────────────────────────
export type Tenant = typeof tenants.$inferSelect;
export type Organization = typeof organizations.$inferSelect;
export type User = typeof users.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type SignupRequest = typeof signupRequests.$inferSelect;
export type Device = typeof devices.$inferSelect;
export type Plan = (typeof planEnum.enumValues)[number];
export type OrgType = (typeof orgTypeEnum.enumValues)[number];
