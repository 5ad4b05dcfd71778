import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AuditEntries } from "@/components/audit/audit-entries";
import { Avatar } from "@/components/ui/avatar";
import { TabLinks } from "@/components/ui/tab-links";
import { auditContext } from "@/lib/audit/context";
import { StatusBadge } from "@/components/ui/status-badge";
import { TagChip } from "@/components/tags/tag-chip";
import { getDb } from "@/db/client";
import { DomainError } from "@/lib/errors";
import { formatDate, formatLastLogin } from "@/lib/format/dates";
import { roleLabel } from "@/lib/orgs/labels";
import { getActor } from "@/lib/orgs/context";
import { may, USER_TYPE_LABELS } from "@/lib/policy";
import { userActionLog, userDetails, userDevices } from "@/lib/users/details";
import type { UserRow } from "@/lib/users/list";
import { grantableRoles, lastAdminBlocks, rowActions, tenantRoles } from "@/lib/users/page-data";
import type { UserTableRow } from "@/lib/users/view-model";
import { ProfileActions } from "../_components/profile-actions";

export const metadata: Metadata = { title: "User" };

const TABS = [
  { key: "info", label: "Information" },
  { key: "devices", label: "Devices" },
  { key: "log", label: "Action log" },
] as const;

export default async function UserProfilePage({ params, searchParams }: { params: Promise<{ orgId: string; userId: string }>; searchParams: Promise<{ tab?: string }> }) {
  const { orgId, userId } = await params;
  const actor = await getActor(orgId);
  const db = await getDb();
  const details = await userDetails(db, actor, userId).catch((error: unknown) => {
    // Out of reach, unknown and not allowed all look the same: 404.
    if (error instanceof DomainError || (error as { name?: string }).name === "PolicyError") notFound();
    throw error;
  });
  const { tab = "info" } = await searchParams;
  const active = TABS.some((t) => t.key === tab) ? tab : "info";
  const now = new Date();
  const timeZone = actor.viewer.org.timezone;
  const canLog = may(actor.policy, "users.view_log");

  const listRow: UserRow = { id: details.id, name: details.name, email: details.email, orgId: details.org.id, orgName: details.org.name, role: details.role, location: null, status: details.status, pending: details.pending, suspended: details.suspended, lastLoginAt: details.lastLoginAt, registeredAt: details.registeredAt, devices: 0 };
  const [roles, actions] = await Promise.all([tenantRoles(db, actor.viewer.tenant.id), rowActions(db, actor, [listRow])]);
  const blocked = await lastAdminBlocks(db, actor.viewer.tenant.id, [listRow], actions);
  const row: UserTableRow = {
    id: details.id,
    name: details.name,
    email: details.email,
    orgId: details.org.id,
    orgName: details.org.name,
    role: details.role,
    roleLabel: roles.find((r) => r.key === details.role)?.name ?? roleLabel(details.role),
    location: details.locations[0]?.name ?? null,
    tags: details.tags,
    status: details.status,
    lastLogin: formatLastLogin(details.lastLoginAt, now, timeZone),
    registered: formatDate(details.registeredAt, now, timeZone),
    devices: 0,
    actions: actions[details.id] ?? [],
    blocked: blocked[details.id] ?? {},
  };

  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <Link href={`/o/${orgId}/users`} className="text-sm text-brand-700 hover:underline">
        ← Users
      </Link>
      <header className="flex flex-wrap items-start justify-between gap-4 rounded-xl border border-slate-200 bg-white p-6 shadow-xs">
        <div className="flex items-center gap-4">
          <Avatar name={details.name} />
          <div>
            <h1 className="text-2xl font-semibold tracking-tight">{details.name}</h1>
            <p className="text-sm text-slate-600">
              {row.roleLabel} · {details.org.name}
            </p>
            <div className="mt-2 flex flex-wrap items-center gap-2">
              <StatusBadge status={details.status} />
              {details.tags.map((t) => (
                <TagChip key={t.id} tag={t} />
              ))}
            </div>
          </div>
        </div>
        <ProfileActions row={row} orgId={orgId} roles={grantableRoles(actor.policy, roles)} />
      </header>

      <TabLinks label="User sections" tabs={TABS.filter((t) => t.key !== "log" || canLog)} active={active} />

      {active === "info" ? (
        <dl className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white shadow-xs">
          {[
            ["Email", details.email],
            ["Phone", details.phone ?? "—"],
            ["Organization", details.org.name],
            ["Role", row.roleLabel],
            ["User type", USER_TYPE_LABELS[details.type]],
            ["Locations", details.locations.map((l) => l.name).join(", ") || "—"],
            ["Last login", details.status === "pending" ? "Never" : row.lastLogin],
            ["Registered", row.registered],
          ].map(([label, value]) => (
            <div key={label} className="grid grid-cols-3 gap-4 px-6 py-3 text-sm">
              <dt className="text-slate-500">{label}</dt>
              <dd className="col-span-2 text-slate-900">{value}</dd>
            </div>
          ))}
        </dl>
      ) : active === "devices" ? (
        <DevicesTab devices={await userDevices(db, actor, details.id)} name={details.name} href={may(actor.policy, "devices.view") ? (id) => `/o/${orgId}/devices/${id}` : null} />
      ) : (
        <AuditEntries entries={canLog ? await userActionLog(db, actor, details.id) : []} context={await auditContext(db, actor.viewer.tenant.id, timeZone)} now={now} />
      )}
    </div>
  );
}

/** `href`: a device's profile, for a viewer who may see the org's devices; null leaves the names plain. */
function DevicesTab({ devices, name, href }: { devices: { id: string; name: string; model: string }[]; name: string; href: ((id: string) => string) | null }) {
  if (devices.length === 0) return <p className="rounded-xl border border-dashed border-slate-300 p-8 text-center text-sm text-slate-500">{name} owns no devices.</p>;
  return (
    <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white shadow-xs">
      {devices.map((d) => (
        <li key={d.id} className="flex justify-between px-6 py-3 text-sm">
          {href ? (
            <Link href={href(d.id)} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
              {d.name}
            </Link>
          ) : (
            <span className="font-medium text-slate-900">{d.name}</span>
          )}
          <span className="text-slate-500">{d.model}</span>
        </li>
      ))}
    </ul>
  );
}
