// How the operator's command line shows its results as text (`--json` prints them as they are).
import type { DeletedTenant } from "@/lib/operator/delete-tenant";
import type { TenantDetails, TenantSummary } from "@/lib/operator/list";
import type { Suspension } from "@/lib/operator/suspend";
import { PLAN_KEYS, type PlanLimits, type PlanTable } from "@/lib/policy";

/** A moment in UTC to the minute: the operator's terminal and the server may not share a timezone. */
export const when = (at: Date) => `${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Columns padded to their widest cell; numbers right-aligned. */
function table(head: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const widths = head.map((_, c) => Math.max(...cells.map((r) => r[c]!.length)));
  const numeric = head.map((_, c) => rows.length > 0 && rows.every((r) => typeof r[c] === "number"));
  return cells.map((r) => r.map((cell, c) => (numeric[c] ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join("  ").trimEnd()).join("\n");
}

export function tenantTable(tenants: readonly TenantSummary[]): string {
  if (tenants.length === 0) return "No tenants yet. Create the first: npm run roster -- tenant create --name … --plan … --admin-email …";
  const rows = tenants.map((t) => [t.id, t.name, t.plan, t.users, t.organizations, when(t.createdAt), t.suspendedAt ? when(t.suspendedAt) : "-"]);
  return `${table(["ID", "NAME", "PLAN", "USERS", "ORGS", "CREATED", "SUSPENDED"], rows)}\n${count(tenants.length, "tenant")}.`;
}

const of = (used: number, cap: number | null) => (cap === null ? `${used} (unlimited)` : `${used} of ${cap}`);

export function tenantDetails(t: TenantDetails): string {
  const { limits: l, usage: u } = t;
  const lines: Array<[string, string]> = [
    ["id", t.id],
    ["plan", `${l.label}${t.limitsOverride ? ` (with this tenant's overrides: ${JSON.stringify(t.limitsOverride)})` : ""}`],
    ["created", when(t.createdAt)],
    ["suspended", t.suspendedAt ? `since ${when(t.suspendedAt)}` : "no"],
    ["users", `${of(u.users, l.maxUsers)}, pending invitations included (${u.pending} pending)`],
    ["sub-orgs", of(u.subOrgs, l.maxSubOrgs)],
    ["depth", of(u.depth, l.maxDepth)],
    ["roles", l.customRoles === 0 ? `${u.roles} (no custom roles on this plan)` : of(u.roles, l.customRoles)],
    ["developers", `${u.developers}${l.developers === "one_per_tenant" ? " (one allowed)" : ""}`],
    ["org types", u.orgTypes.join(", ")],
    ["join link", t.join.handle ? `/join/${t.join.handle} (${t.join.enabled ? "on" : "off"})` : "none"],
    ["root Admins", t.admins.map((a) => `${a.name} <${a.email}>${a.pending ? " (pending)" : a.suspended ? " (suspended)" : ""}`).join(", ") || "none"],
  ];
  const width = Math.max(...lines.map(([k]) => k.length));
  return [t.name, ...lines.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`)].join("\n");
}

export function suspensionText(s: Suspension): string {
  if (!s.changed) return s.suspendedAt ? `${s.name} was already suspended (since ${when(s.suspendedAt)}); nothing changed.` : `${s.name} is not suspended; nothing changed.`;
  return s.suspendedAt
    ? `${s.name} is suspended: its people cannot log in, ${count(s.sessionsEnded, "open session")} ended, its links and pages answer as if it did not exist.`
    : `${s.name} is resumed: its people can log in again.`;
}

export function deletedText({ name, removed }: DeletedTenant): string {
  const { users, organizations, devices, emails } = removed;
  return `Deleted ${name}: ${count(users, "user")}, ${count(organizations, "organization")}, ${count(devices, "device")} and ${count(emails, "email")} of its outbox. The audit log keeps the record.`;
}

export function planTable(plans: PlanTable): string {
  const row = (p: PlanLimits) => [
    p.label,
    p.maxUsers,
    p.developers === "one_per_tenant" ? "1 per tenant" : "Admins",
    p.maxSubOrgs === null ? "unlimited" : String(p.maxSubOrgs),
    p.maxDepth,
    p.permissionsEditable ? "editable" : "locked",
    p.customRoles === 0 ? "no" : `≤ ${p.customRoles} roles`,
    p.selfSignUp ? "yes" : "no",
    p.orgTypes.join(", "),
  ];
  return table(["PLAN", "USERS", "DEVELOPERS", "SUB-ORGS", "DEPTH", "PERMISSIONS", "CUSTOM ROLES", "SELF SIGN-UP", "ORG TYPES"], PLAN_KEYS.map((k) => row(plans[k])));
}
