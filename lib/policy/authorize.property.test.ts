import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ACTION_KEYS, ACTIONS, type Action } from "./actions";
import { assertAuthorized, authorize } from "./authorize";
import { PolicyError } from "./errors";
import { PERMISSION_KEYS, type Permission } from "./permissions";
import { ORG_TYPES, PLAN_KEYS } from "./plans";
import { DEFAULT_GRANTS, isBuiltinRole } from "./roles";
import { deviceIn, orgTarget, tenantOf, userIn, viewerAt } from "./test-fixtures";
import type { ActionContext, OrgRef, PolicyTarget, PolicyViewer, TargetKind } from "./types";

const RUNS = { numRuns: 1000 };
const MAX_DEPTH = 4;

// ── random org forests: 2-3 tenants, depth ≤ 4, internal nodes with 1-6 children ─────────────
type Shape = { children: Shape[] };
const leaf: Shape = { children: [] };
const shapeAt = (depth: number): fc.Arbitrary<Shape> =>
  depth >= MAX_DEPTH ? fc.constant(leaf) : fc.oneof(fc.constant(leaf), fc.array(shapeAt(depth + 1), { minLength: 1, maxLength: 6 }).map((children) => ({ children })));
const tenantShape = fc.array(shapeAt(2), { minLength: 1, maxLength: 6 }).map((children) => ({ children }));
const forestShape = fc.array(tenantShape, { minLength: 2, maxLength: 3 });

/** id → parent id (null for a root). Ids are binary numerals ("1", "10", "101"...), so many are string prefixes of others. */
type Forest = Map<string, string | null>;

function grow(forest: Forest, shape: Shape, parent: string | null, depth: number): void {
  const id = (forest.size + 1).toString(2);
  forest.set(id, parent);
  if (depth < MAX_DEPTH) for (const child of shape.children) grow(forest, child, id, depth + 1);
}

function buildForest(tenants: Shape[]): Forest {
  const forest: Forest = new Map();
  for (const t of tenants) grow(forest, t, null, 1);
  return forest;
}

/** Computes the ref from the parent links, so a wrong forest would give a wrong ref. */
function refOf(forest: Forest, id: string): OrgRef {
  const ids = [id];
  for (let p = forest.get(id); p; p = forest.get(p)) ids.unshift(p);
  return { id, tenantId: ids[0]!, path: ids.map((i) => `${i}/`).join(""), depth: ids.length, name: `Org ${id}` };
}

const allIds = (forest: Forest): string[] => [...forest.keys()];
const under = (forest: Forest, id: string): string[] => allIds(forest).filter((o) => refOf(forest, o).path.startsWith(refOf(forest, id).path));
const pick = <T>(xs: readonly T[], i: number): T => xs[i % xs.length]!;

// ── scenarios: a viewer somewhere, an action, a target, a context ─────────────────────────────
const ROLES = ["admin", "staff", "user", "lead"] as const;
// Where a referenced org is taken from: below the current org, anywhere in the viewer's tenant, anywhere.
const place = fc.record({ from: fc.constantFrom("view", "view", "view", "tenant", "tenant", "anywhere"), i: fc.nat() });
const choicesArb = fc.record({
  viewerOrg: fc.nat(),
  current: fc.record({ mode: fc.constantFrom("own", "own", "own", "below", "anywhere"), i: fc.nat() }),
  role: fc.constantFrom(...ROLES),
  // null: the role's default grants.
  grants: fc.oneof(fc.constant(null), fc.constant(PERMISSION_KEYS), fc.subarray([...PERMISSION_KEYS])),
  plan: fc.constantFrom(...PLAN_KEYS),
  // Actions that reference a second org are drawn more often: they have more ways to go wrong.
  action: fc.oneof(fc.constantFrom(...ACTION_KEYS), fc.constantFrom<Action>("users.transfer", "devices.transfer", "users.invite", "orgs.create")),
  kind: fc.record({ i: fc.nat(), any: fc.nat({ max: 19 }) }),
  target: place,
  targetIsSelf: fc.nat({ max: 3 }),
  targetRole: fc.constantFrom(...ROLES),
  pending: fc.boolean(),
  suspended: fc.boolean(),
  canCreate: fc.boolean(),
  owner: fc.constantFrom("viewer", "other", "none"),
  tenantTypo: fc.nat({ max: 9 }),
  ctxRole: fc.option(fc.constantFrom(...ROLES)),
  destination: fc.option(place),
  newOwner: fc.option(fc.record({ at: place, loggedIn: fc.boolean() }), { nil: undefined }),
  clearOwner: fc.boolean(),
  orgType: fc.option(fc.constantFrom(...ORG_TYPES), { nil: undefined }),
});
type Choices = typeof choicesArb extends fc.Arbitrary<infer T> ? T : never;

/** The concrete ids a scenario refers to, chosen once so a bigger forest can be fed the same. */
type Picked = { viewerOrg: string; current: string; target: string; destination?: string; ownerOrg?: string };

function pickIds(forest: Forest, c: Choices): Picked {
  const viewerOrg = pick(allIds(forest), c.viewerOrg);
  const current = c.current.mode === "own" ? viewerOrg : pick(c.current.mode === "below" ? under(forest, viewerOrg) : allIds(forest), c.current.i);
  const tenant = refOf(forest, viewerOrg).tenantId;
  const pool = { view: under(forest, current), tenant: under(forest, tenant), anywhere: allIds(forest) };
  const at = (p: { from: keyof typeof pool; i: number }) => pick(pool[p.from], p.i);
  return {
    viewerOrg,
    current,
    target: at(c.target),
    destination: c.destination ? at(c.destination) : undefined,
    ownerOrg: c.newOwner ? at(c.newOwner.at) : undefined,
  };
}

type Case = { viewer: PolicyViewer; action: Action; target: PolicyTarget; ctx: ActionContext };

function grantsFor(role: string): readonly Permission[] {
  return isBuiltinRole(role) ? DEFAULT_GRANTS[role] : [];
}

function materialize(forest: Forest, c: Choices, ids: Picked, as?: { role: string; grants: readonly Permission[] }): Case {
  const org = refOf(forest, ids.viewerOrg);
  const role = as?.role ?? c.role;
  const grants = as?.grants ?? c.grants ?? grantsFor(role);
  const viewer: PolicyViewer = { userId: "v", tenantId: org.tenantId, plan: c.plan, org, role, currentOrg: refOf(forest, ids.current), grants: new Set(grants), developerMode: false };
  const kinds = ACTIONS[c.action].targets as readonly TargetKind[];
  const kind = c.kind.any === 0 ? pick(["user", "org", "device", "tenant"] as const, c.kind.i) : pick(kinds, c.kind.i);
  const self = kind === "user" && c.targetIsSelf === 0;
  const tOrg = self ? org : refOf(forest, ids.target);
  const tenantId = c.tenantTypo === 0 ? `${tOrg.tenantId}x` : tOrg.tenantId;
  const target: PolicyTarget =
    kind === "user"
      ? { kind, id: self ? "v" : "u", tenantId, org: tOrg, role: c.targetRole, pending: c.pending, suspended: c.suspended, developerMode: false }
      : kind === "device"
        ? { kind, id: "d", tenantId, org: tOrg, ownerId: c.owner === "viewer" ? "v" : c.owner === "other" ? "u" : null }
        : kind === "org"
          ? { kind, org: tOrg, canCreateSubOrgs: c.canCreate, isRoot: tOrg.depth === 1 }
          : { kind, tenantId };
  const ctx: ActionContext = { role: c.ctxRole ?? undefined, orgType: c.orgType };
  if (ids.destination) ctx.destination = refOf(forest, ids.destination);
  if (c.newOwner && ids.ownerOrg) ctx.newOwner = { id: "o", org: refOf(forest, ids.ownerOrg), hasLoggedIn: c.newOwner.loggedIn };
  else if (c.clearOwner) ctx.newOwner = null;
  return { viewer, action: c.action, target, ctx };
}

const decide = ({ viewer, action, target, ctx }: Case) => authorize(viewer, action, target, ctx);
/** Every tenant id the target claims, and the path of the org it sits in. */
function whereIs(viewer: PolicyViewer, t: PolicyTarget): { tenants: string[]; path: string } {
  if (t.kind === "tenant") return { tenants: [t.tenantId], path: viewer.currentOrg.path };
  if (t.kind === "org") return { tenants: [t.org.tenantId], path: t.org.path };
  return { tenants: [t.tenantId, t.org.tenantId], path: t.org.path };
}
const scenario = forestShape.map(buildForest).chain((forest) => choicesArb.map((c) => ({ forest, c, ids: pickIds(forest, c) })));

describe("authorize properties over random org trees", () => {
  it("(a) allows only targets in the viewer's tenant, at or below the viewer's org", () => {
    let allowed = 0;
    fc.assert(
      fc.property(scenario, ({ forest, c, ids }) => {
        const k = materialize(forest, c, ids);
        if (!decide(k).ok) return;
        allowed++;
        const t = whereIs(k.viewer, k.target);
        for (const tenant of t.tenants) expect(tenant).toBe(k.viewer.tenantId);
        expect(t.path.startsWith(k.viewer.org.path)).toBe(true);
        const others = k.action === "users.transfer" ? [k.ctx.destination] : k.action === "devices.transfer" ? [k.ctx.destination, k.ctx.newOwner?.org] : [];
        for (const other of others) {
          if (other) {
            expect(other.tenantId).toBe(k.viewer.tenantId);
            expect(other.path.startsWith(k.viewer.org.path)).toBe(true);
          }
        }
      }),
      RUNS,
    );
    expect(allowed).toBeGreaterThan(50); // the property is not vacuous
  });

  it("(a) an Admin holding every grant reaches nothing beside or above their org, nor in another tenant", () => {
    fc.assert(
      fc.property(forestShape.map(buildForest), fc.nat(), fc.nat(), fc.constantFrom(...ACTION_KEYS), (forest, i, j, action) => {
        const own = refOf(forest, pick(allIds(forest), i));
        const other = refOf(forest, pick(allIds(forest), j));
        if (other.path.startsWith(own.path)) return;
        const viewer = viewerAt({ org: own, role: "admin", grants: PERMISSION_KEYS });
        const targets = [userIn(other), userIn(other, { id: viewer.userId }), deviceIn(other, { ownerId: viewer.userId }), orgTarget(other)];
        for (const target of targets) {
          if (!(ACTIONS[action].targets as readonly TargetKind[]).includes(target.kind)) continue;
          expect(authorize(viewer, action, target, { destination: other, role: "user" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
        }
        if (other.tenantId !== own.tenantId) expect(authorize(viewer, action, tenantOf(other)).ok).toBe(false);
      }),
      RUNS,
    );
  });

  it("(b) refuses arbitrary action strings, and the default User role everything but its own password", () => {
    const junk = fc.oneof(fc.string(), fc.constantFrom("__proto__", "constructor", "toString", "users.*", "USERS.VIEW", "users.view ", "self.")).filter((s) => !(ACTION_KEYS as readonly string[]).includes(s));
    fc.assert(
      fc.property(scenario, junk, ({ forest, c, ids }, action) => {
        const k = materialize(forest, c, ids);
        expect(authorize(k.viewer, action as Action, k.target, k.ctx)).toMatchObject({ ok: false, code: "FORBIDDEN" });
        expect(() => assertAuthorized(k.viewer, action as Action, k.target, k.ctx)).toThrow(PolicyError);
      }),
      RUNS,
    );
    fc.assert(
      fc.property(scenario, ({ forest, c, ids }) => {
        const k = materialize(forest, c, ids, { role: "user", grants: DEFAULT_GRANTS.user });
        // A User may still change their own password and details, nothing else.
        const ownAccount = (k.action === "self.change_password" || k.action === "self.edit") && k.target.kind === "user" && k.target.id === "v";
        if (!ownAccount) expect(decide(k).ok).toBe(false);
      }),
      RUNS,
    );
  });

  it("(c) under default grants, User ⊆ Staff ⊆ Admin for the same position and target", () => {
    let staffAllowed = 0;
    fc.assert(
      fc.property(scenario, ({ forest, c, ids }) => {
        const [admin, staff, user] = (["admin", "staff", "user"] as const).map((role) => decide(materialize(forest, c, ids, { role, grants: DEFAULT_GRANTS[role] })).ok);
        if (staff) staffAllowed++;
        if (user) expect(staff).toBe(true);
        if (staff) expect(admin).toBe(true);
      }),
      RUNS,
    );
    expect(staffAllowed).toBeGreaterThan(50);
  });

  it("(e) no escalation: a non-admin never gives Admin, touches an Admin's account or turns on developer mode", () => {
    const harmless: readonly Action[] = ["users.view", "users.view_log", "users.export", "users.send_device_log", "users.edit", "users.resend_invitation", "tags.apply", "tags.remove", "locations.assign"];
    // Sending a device log is a read: it mails the sender what they already see.
    const reads: readonly Action[] = ["users.view", "users.view_log", "users.export", "users.send_device_log"];
    let allowed = 0;
    fc.assert(
      fc.property(scenario, fc.constantFrom("staff", "user", "lead"), ({ forest, c, ids }, role) => {
        const k = materialize(forest, c, ids, { role, grants: c.grants ?? PERMISSION_KEYS });
        if (!decide(k).ok) return;
        allowed++;
        const t = k.target;
        expect(k.action).not.toBe("self.developer_mode");
        if (["users.invite", "users.change_role", "users.transfer"].includes(k.action)) expect(k.ctx.role).not.toBe("admin");
        if (t.kind !== "user") return;
        if (k.action === "users.edit" && k.ctx.role !== undefined && k.ctx.role !== t.role) expect(k.ctx.role).not.toBe("admin");
        if (t.role === "admin" && t.id !== k.viewer.userId) expect(reads).toContain(k.action);
        // Through the users table, the viewer's own account only gets harmless actions.
        if (t.id === k.viewer.userId && !k.action.startsWith("self.")) {
          expect(harmless).toContain(k.action);
          if (k.action === "users.edit") expect([undefined, t.role]).toContain(k.ctx.role);
        }
      }),
      RUNS,
    );
    expect(allowed).toBeGreaterThan(50);
  });

  it("(f) nobody acts on, or hands out, a role above their own: random grants for the viewer and for every role", () => {
    const reads: readonly Action[] = ["users.view", "users.view_log", "users.export", "users.send_device_log"];
    const grantsArb = fc.subarray([...PERMISSION_KEYS]);
    const rolesArb = fc.record({ staff: grantsArb, user: grantsArb, lead: grantsArb });
    const within = (held: readonly Permission[], of: ReadonlySet<Permission>) => held.every((p) => of.has(p));
    let refusedAbove = 0;
    fc.assert(
      fc.property(scenario, fc.constantFrom("staff", "user", "lead"), grantsArb, rolesArb, ({ forest, c, ids }, role, grants, others) => {
        const k = materialize(forest, c, ids, { role, grants });
        const roleGrants = new Map<string, readonly Permission[]>([["admin", PERMISSION_KEYS], ...Object.entries(others)]);
        k.viewer = { ...k.viewer, roleGrants: new Map([...roleGrants].map(([key, held]) => [key, new Set(held)])) };
        const above = (r: string) => r === "admin" || !within(roleGrants.get(r) ?? [], k.viewer.grants);
        const t = k.target;
        const allowed = decide(k).ok;
        if (t.kind === "user" && t.id !== k.viewer.userId && !reads.includes(k.action) && above(t.role)) {
          if (!allowed && k.viewer.grants.has(ACTIONS[k.action].permission as Permission)) refusedAbove++;
          expect(allowed).toBe(false);
        }
        const givesRole = ["users.invite", "users.change_role", "users.transfer"].includes(k.action) || (k.action === "users.edit" && t.kind === "user" && k.ctx.role !== t.role);
        if (allowed && givesRole && k.ctx.role !== undefined) expect(above(k.ctx.role)).toBe(false);
      }),
      RUNS,
    );
    expect(refusedAbove).toBeGreaterThan(20);
  });

  // "View users" is checked before any user is looked up (assertMayActOnUsers), as for every users action.
  it("(g) a device log is sent only by a viewer holding Send device logs and View organization devices, about someone whose devices they may see", () => {
    let allowed = 0;
    fc.assert(
      fc.property(scenario, ({ forest, c, ids }) => {
        // Any grant set, including stored ones that lost a dependency.
        const k = materialize(forest, { ...c, action: "users.send_device_log", kind: { i: 0, any: 1 } }, ids);
        if (!decide(k).ok) return;
        allowed++;
        expect(k.target.kind).toBe("user");
        expect(k.viewer.grants.has("users.send_device_log")).toBe(true);
        expect(k.viewer.grants.has("org_devices.view")).toBe(true);
        if (k.target.kind !== "user") return;
        // A device of the target's, in the target's org: the sender may see it.
        const device: PolicyTarget = { kind: "device", id: "d", tenantId: k.target.tenantId, org: k.target.org, ownerId: k.target.id };
        expect(decide({ ...k, action: "devices.view", target: device }).ok).toBe(true);
      }),
      RUNS,
    );
    expect(allowed).toBeGreaterThan(20);
  });

  it("(d) adding unrelated orgs and tenants never changes a decision", () => {
    const extra = fc.record({ tenants: fc.array(tenantShape, { maxLength: 2 }), grafts: fc.array(fc.record({ at: fc.nat(), shape: shapeAt(2) }), { maxLength: 4 }) });
    fc.assert(
      fc.property(scenario, extra, ({ forest, c, ids }, more) => {
        const bigger: Forest = new Map(forest);
        const existing = allIds(forest);
        for (const g of more.grafts) {
          const parent = pick(existing, g.at);
          if (refOf(forest, parent).depth < MAX_DEPTH) grow(bigger, g.shape, parent, refOf(forest, parent).depth + 1);
        }
        for (const t of more.tenants) grow(bigger, t, null, 1);
        expect(decide(materialize(bigger, c, ids))).toEqual(decide(materialize(forest, c, ids)));
      }),
      RUNS,
    );
  });
});
