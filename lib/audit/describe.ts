// How an audit row reads: people and orgs by name, permissions by label, before → after as
// sentences. The audit page and the CSV's summary column both take their text from here.
import { PERMISSIONS, PLANS, isPlanKey, type Permission } from "@/lib/policy";
import { plural } from "@/lib/orgs/counts";
import { orgTypeLabel } from "@/lib/orgs/labels";
import { formatDateTime } from "@/lib/format/dates";
import { OPERATOR_ACTOR, auditLabel, isAuditAction, type AuditAction } from "./actions";

/** The columns of a row the formatter reads (lib/audit/list.ts). */
export type AuditRecord = {
  action: string;
  actorEmail: string | null;
  actorName: string | null;
  targetLabel: string | null;
  targetName: string | null;
  orgName: string | null;
  before: unknown;
  after: unknown;
};

export type AuditContext = {
  timeZone: string;
  /** A role key as the tenant names it now (built-in labels, custom role names). */
  roleName: (key: string) => string;
};

export type AuditDescription = {
  who: string;
  /** The actor's email, when the name shown is not it. */
  whoEmail: string | null;
  what: string;
  target: string | null;
  /** The target's email (or other label), when the name shown is not it. */
  targetLabel: string | null;
  org: string | null;
  /** Readable sentences of what changed; empty when the action says it all. */
  changes: string[];
  /** One line for the CSV: who, what, to whom, and what changed. */
  summary: string;
};

type Json = Record<string, unknown>;
/** A row's before and after, and the target's name (role_grants_changed: "Staff gained …"). */
type Reader = { b: Json; a: Json; ctx: AuditContext; target: string | null };

const record = (value: unknown): Json => (value && typeof value === "object" && !Array.isArray(value) ? (value as Json) : {});
const text = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);
/** An audit row's number (JSON, so unknown) with its noun agreeing. */
const count = (n: unknown, one: string, many?: string): string => plural(Number(n) || 0, one, many);
const quoted = (value: unknown) => `“${text(value) ?? ""}”`;
const plan = (key: unknown) => (isPlanKey(key) ? PLANS[key].label : String(key ?? "unknown"));
const permissions = (keys: unknown) =>
  (Array.isArray(keys) ? keys : []).map((k) => (typeof k === "string" && Object.hasOwn(PERMISSIONS, k) ? PERMISSIONS[k as Permission].label : String(k))).join(", ");
const role = (ctx: AuditContext, key: unknown) => (text(key) ? ctx.roleName(key as string) : "no role");

/** "Name changed from A to B" when a field differs; nothing when it does not. */
function changed(field: string, from: unknown, to: unknown, show: (v: unknown) => string = (v) => text(v) ?? "none"): string[] {
  if (from === undefined || to === undefined || JSON.stringify(from) === JSON.stringify(to)) return [];
  if (!text(from) && typeof from !== "boolean") return [`${field} set to ${show(to)}`];
  if (!text(to) && typeof to !== "boolean") return [`${field} removed (was ${show(from)})`];
  return [`${field} changed from ${show(from)} to ${show(to)}`];
}

/** An org's description is long: that it changed says enough. */
const descriptionChanged = (b: Json, a: Json): string[] => (JSON.stringify(b.description ?? "") !== JSON.stringify(a.description ?? "") ? ["Description changed"] : []);

/** The owner of a device as the row names them; older rows kept only an id, which says nothing to a person. */
const owner = (o: Json): string | null => text(o.owner) ?? (text(o.ownerId) ? "a person" : null);

/** "Location set to X (was Y)", "Location removed (was Y)". */
function locationMove(from: unknown, to: unknown): string {
  if (!text(to)) return text(from) ? `Location removed (was ${from})` : "Location removed";
  return `Location set to ${to}${text(from) ? ` (was ${from})` : ""}`;
}

/** A new location's address and pin, where given. */
const locationLines = (a: Json): string[] => [...(text(a.address) ? [`Address ${a.address}`] : []), ...(text(a.pin) ? [`Map pin ${a.pin}`] : [])];

// Every action has its sentences: a new action without one does not compile.
const CHANGES: Record<AuditAction, (r: Reader) => string[]> = {
  authn_login_success: () => [],
  authn_login_fail: () => [],
  authn_login_fail_throttled: ({ a, ctx }) => [
    `${count(a.failures, "failed attempt")}; blocked${text(a.blockedUntil) ? ` until ${formatDateTime(new Date(a.blockedUntil as string), ctx.timeZone)}` : ""}`,
  ],
  session_logout_forced: () => ["Every session of theirs ended"],
  session_logout_others: ({ a }) => [`${count(a.ended, "other session")} ended`],
  user_invited: ({ a, ctx }) => [`Invited as ${role(ctx, a.role)}${text(a.org) ? ` to ${a.org}` : ""}`],
  user_invitation_accepted: () => [],
  user_invitation_resent: () => [],
  user_invitation_revoked: ({ b, ctx }) => (text(b.role) ? [`Had been invited as ${role(ctx, b.role)}`] : []),
  user_updated: ({ b, a, ctx }) => {
    const lines = [...changed("Name", b.name, a.name), ...changed("Phone", b.phone, a.phone), ...changed("Role", b.role, a.role, (k) => role(ctx, k))];
    if (typeof a.locations === "number" && a.locations > 0) lines.push(`${count(a.locations, "location")} assigned`);
    return lines.length ? lines : ["Nothing changed"];
  },
  user_role_changed: ({ b, a, ctx }) => [
    `Role changed from ${role(ctx, b.role)} to ${role(ctx, a.role)}`,
    ...(b.developerMode === true && a.developerMode === false ? ["Developer mode turned off"] : []),
  ],
  user_password_changed: () => [],
  user_password_set_by_admin: () => ["Their sessions ended"],
  user_password_reset_requested: () => [],
  user_password_reset: () => [],
  user_suspended: () => [],
  user_reactivated: () => [],
  user_transferred: ({ b, a, ctx }) => [
    `Moved from ${text(b.org) ?? "an organization"} to ${text(a.org) ?? "another organization"}`,
    b.role === a.role ? `Stays ${role(ctx, a.role)}` : `Role changed from ${role(ctx, b.role)} to ${role(ctx, a.role)}`,
    a.movedDevices === false ? "Their devices stayed" : "Their devices moved with them",
  ],
  user_deleted: ({ b, a, ctx }) => [
    `Was ${role(ctx, b.role)}${text(b.org) ? ` in ${b.org}` : ""}`,
    a.devices === "unowned" ? "Their devices were left without an owner" : `Their devices passed ${text(a.devices) ?? "on"}`,
  ],
  user_tagged: ({ a }) => [`Tagged ${quoted(a.tag)}`],
  device_log_sent: ({ a }) => [`The actions log of their devices over the last ${count(a.days, "day")} emailed to ${text(a.to) ?? "the sender"}`],
  user_untagged: ({ b }) => [`Tag ${quoted(b.tag)} removed`],
  developer_mode_on: () => [],
  developer_mode_off: () => [],
  device_created: ({ a }) => [`Model ${text(a.model) ?? "unknown"}`, owner(a) ? `Owned by ${owner(a)}` : "No owner", ...(text(a.location) ? [`At ${a.location}`] : [])],
  device_deleted: ({ b }) => [`Model ${text(b.model) ?? "unknown"}${text(b.org) ? `, in ${b.org}` : ""}`],
  device_transferred: ({ b, a }) => [
    ...(text(b.org) && b.org !== a.org ? [`Moved from ${b.org} to ${text(a.org) ?? "another organization"}`] : []),
    owner(a) ? `Owner now ${owner(a)}${owner(b) && owner(b) !== "a person" ? ` (was ${owner(b)})` : ""}` : "Owner cleared",
  ],
  device_updated: ({ b, a }) => {
    const lines = [...changed("Name", b.name, a.name), ...changed("Model", b.model, a.model)];
    return lines.length ? lines : ["Nothing changed"];
  },
  device_location_set: ({ b, a }) => [locationMove(b.location, a.location)],
  location_created: ({ a }) => locationLines(a),
  location_updated: ({ b, a }) => {
    const lines = [...changed("Name", b.name, a.name), ...changed("Address", b.address, a.address), ...changed("Map pin", b.pin, a.pin)];
    return lines.length ? lines : ["Nothing changed"];
  },
  location_deleted: ({ a }) => [
    Number(a.people) || Number(a.devices) ? `${count(a.people, "person", "people")} and ${count(a.devices, "device")} lost this location` : "Nobody and nothing was at it",
  ],
  user_location_set: ({ b, a }) => [locationMove(Array.isArray(b.locations) && b.locations.length ? b.locations.join(", ") : null, a.location)],
  device_tagged: ({ a }) => [`Tagged ${quoted(a.tag)}`],
  device_untagged: ({ b }) => [`Tag ${quoted(b.tag)} removed`],
  tag_created: ({ a }) => [`Colour ${text(a.color) ?? "slate"}`],
  tag_updated: ({ b, a }) => {
    const lines = [...(b.name !== a.name ? [`Renamed from ${quoted(b.name)} to ${quoted(a.name)}`] : []), ...changed("Colour", b.color, a.color)];
    return lines.length ? lines : ["Nothing changed"];
  },
  tag_deleted: ({ a }) => [`Removed from ${count(a.people, "person", "people")} and ${count(a.devices, "device")}`],
  org_created: ({ a }) => [
    `${orgTypeLabel(String(a.type ?? ""))}${text(a.parent) ? ` under ${a.parent}` : ""}`,
    ...(Array.isArray(a.admins) && a.admins.length ? [`Admins invited: ${a.admins.join(", ")}`] : []),
  ],
  org_updated: ({ b, a }) => {
    const lines = [...changed("Name", b.name, a.name), ...descriptionChanged(b, a)];
    if (typeof a.canCreateSubOrgs === "boolean" && a.canCreateSubOrgs !== b.canCreateSubOrgs) lines.push(a.canCreateSubOrgs ? "May now create sub-organizations" : "May no longer create sub-organizations");
    return lines.length ? lines : ["Nothing changed"];
  },
  org_settings_changed: ({ b, a }) => {
    const lines = [...changed("Name", b.name, a.name), ...descriptionChanged(b, a), ...changed("Time zone", b.timezone, a.timezone)];
    return lines.length ? lines : ["Nothing changed"];
  },
  org_deleted: ({ b }) => (text(b.type) ? [`Was a ${orgTypeLabel(b.type as string).toLowerCase()} organization`] : []),
  role_created: () => [],
  role_renamed: ({ b, a }) => [`Renamed from ${quoted(b.name)} to ${quoted(a.name)}`],
  role_deleted: ({ a, ctx }) => [
    `${count(a.moved, "member")} moved to ${text(a.membersMovedTo) ?? "another role"}`,
    ...(text(a.selfSignupRole) ? [`Self sign-up now gives ${role(ctx, a.selfSignupRole)}`] : []),
  ],
  role_grants_changed: ({ a, target }) => {
    const gained = permissions(a.added);
    const lost = permissions(a.removed);
    const both = [gained && `gained ${gained}`, lost && `lost ${lost}`].filter(Boolean).join("; ");
    const lines = [both ? `${target ?? "The role"} ${both}` : "No permission changed here"];
    const subOrgs = Number(a.subOrgs) || 0;
    if (a.propagate === "changed" && subOrgs) lines.push(`The same change made in ${count(subOrgs, "sub-organization")}`);
    if (a.propagate === "overwrite" && subOrgs) lines.push(`${count(subOrgs, "sub-organization")} set to exactly these permissions`);
    return lines;
  },
  tenant_signed_up: ({ a }) => [`${plan(a.plan)} plan`],
  user_joined: ({ a, ctx }) => [`Joined${text(a.org) ? ` ${a.org}` : ""} as ${role(ctx, a.role)}`],
  self_signup_changed: ({ b, a, ctx }) => {
    const lines = b.enabled !== a.enabled ? [a.enabled ? "Self sign-up turned on" : "Self sign-up turned off"] : [];
    lines.push(...changed("Role for new members", b.role, a.role, (k) => role(ctx, k)), ...changed("Join link handle", b.handle, a.handle));
    const domains = (v: unknown) => (Array.isArray(v) && v.length ? v.join(", ") : "any domain");
    if (JSON.stringify(b.domains ?? []) !== JSON.stringify(a.domains ?? [])) lines.push(`Allowed email domains changed from ${domains(b.domains)} to ${domains(a.domains)}`);
    return lines.length ? lines : ["Nothing changed"];
  },
  tenant_created: ({ a }) => [`${plan(a.plan)} plan`, ...(text(a.admin) ? [`First Admin invited: ${a.admin}`] : [])],
  tenant_plan_changed: ({ b, a }) => [`Plan changed from ${plan(b.plan)} to ${plan(a.plan)}`],
  tenant_suspended: ({ a }) => [`${count(a.sessionsEnded, "session")} ended`],
  tenant_resumed: () => [],
  tenant_deleted: ({ b }) => [`Removed ${count(b.users, "user")}, ${count(b.organizations, "organization")} and ${count(b.devices, "device")}`],
  user_reset_link_issued: () => [],
};

/** The actor: a person by the name they had then (their email beside it), or the operator, or the system. */
function actorOf(row: AuditRecord): { who: string; whoEmail: string | null } {
  if (row.actorEmail === OPERATOR_ACTOR) return { who: "Operator", whoEmail: null };
  if (!row.actorEmail && !row.actorName) return { who: "System", whoEmail: null };
  const who = row.actorName ?? row.actorEmail!;
  return { who, whoEmail: row.actorEmail && row.actorEmail !== who ? row.actorEmail : null };
}

/**
 * The target by its name then: stored with the row since names are kept, else what the row's
 * "before" remembers of a deleted person, else its label (an email, a role's or org's name).
 */
function targetOf(row: AuditRecord, b: Json): { target: string | null; targetLabel: string | null } {
  const target = row.targetName ?? (row.action.startsWith("user_") ? text(b.name) : null) ?? row.targetLabel;
  return { target, targetLabel: row.targetLabel && row.targetLabel !== target ? row.targetLabel : null };
}

export function describeAudit(row: AuditRecord, ctx: AuditContext): AuditDescription {
  const b = record(row.before);
  const a = record(row.after);
  // A row of an action since renamed or removed still reads, as its key made readable.
  const { target, targetLabel } = targetOf(row, b);
  const changes = isAuditAction(row.action) ? CHANGES[row.action]({ b, a, ctx, target }) : [];
  const what = auditLabel(row.action);
  const { who, whoEmail } = actorOf(row);
  const summary = `${who}: ${what}${target ? ` — ${target}` : ""}${changes.length ? `. ${changes.join(". ")}` : ""}.`;
  return { who, whoEmail, what, target, targetLabel, org: row.orgName, changes, summary };
}
