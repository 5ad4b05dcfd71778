import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { usableLocations } from "@/lib/locations/usable";
import { MEMBERS_LABEL } from "@/lib/orgs/counts";
import { roleLabel, orgTypeLabel } from "@/lib/orgs/labels";
import { getActor } from "@/lib/orgs/context";
import { orgDashboard } from "@/lib/orgs/dashboard";
import { orgOverview } from "@/lib/orgs/queries";
import { adminsWhoCanHelp } from "@/lib/orgs/resolve";
import { devicesInSight, may, planLimits } from "@/lib/policy";
import { grantableRoles, tenantRoles } from "@/lib/users/page-data";
import { auditContext } from "@/lib/audit/context";
import { describeAudit } from "@/lib/audit/describe";
import { DashboardView } from "./_components/dashboard";
import { Shortcuts } from "./_components/shortcuts";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const actor = await getActor(orgId);
  const db = await getDb();
  const { org, viewer } = actor;

  const header = (
    <div>
      <h1 className="text-2xl font-semibold tracking-tight">{org.name}</h1>
      <p className="mt-1 text-sm text-slate-600">
        {orgTypeLabel(org.type)} · {planLimits(viewer.tenant.plan).label} plan · timezone {org.timezone}
      </p>
      {org.description ? <p className="mt-3 max-w-2xl text-slate-700">{org.description}</p> : null}
    </div>
  );

  // People who may see users get a dashboard of what needs them; everyone else, what they can do.
  const now = new Date();
  const dashboard = await orgDashboard(db, actor, now);
  if (dashboard) {
    const { policy } = actor;
    const canInvite = may(policy, "users.invite");
    const canAddDevice = devicesInSight(policy) === "org" && may(policy, "devices.create");
    const [roles, locations] = await Promise.all([canInvite ? tenantRoles(db, viewer.tenant.id) : [], canInvite || canAddDevice ? usableLocations(db, actor) : []]);
    const context = dashboard.activity ? await auditContext(db, viewer.tenant.id, viewer.org.timezone) : null;
    const activity = context && dashboard.activity ? dashboard.activity.map((r) => ({ id: r.id, createdAt: r.createdAt, ...describeAudit(r, context) })) : null;
    return (
      <div className="mx-auto max-w-5xl space-y-8">
        <div className="flex flex-wrap items-start justify-between gap-4">
          {header}
          <Shortcuts
            orgId={org.id}
            orgName={org.name}
            invite={canInvite ? { roles: grantableRoles(policy, roles) } : null}
            addDevice={canAddDevice}
            locations={locations}
          />
        </div>
        <DashboardView orgId={org.id} orgName={org.name} dashboard={dashboard} activity={activity} now={now} timeZone={viewer.org.timezone} />
      </div>
    );
  }

  const overview = await orgOverview(db, actor);
  if (overview.permissions.length === 0) {
    const helpers = await adminsWhoCanHelp(db, org);
    return (
      <div className="mx-auto max-w-2xl">
        <div className="rounded-xl border border-amber-200 bg-amber-50 p-8">
          <h1 className="text-xl font-semibold text-amber-950">You don&apos;t have access to anything here yet</h1>
          <p className="mt-3 text-amber-900">
            Your role in {org.name} is <strong>{roleLabel(viewer.role)}</strong>, and that role has no permissions here: you cannot see
            devices, users or settings until an Admin grants your role at least <em>See devices they own</em>.
          </p>
          <p className="mt-3 text-amber-900">
            {helpers ? (
              <>
                Ask an Admin of {helpers.orgName} — <strong>{helpers.names.join(", ")}</strong> — to grant it on the Roles and permissions page.
              </>
            ) : (
              <>Ask the person who invited you to grant it on the Roles and permissions page.</>
            )}
          </p>
        </div>
      </div>
    );
  }

  const stats = [
    { label: MEMBERS_LABEL, value: overview.users },
    { label: "Devices", value: overview.devices },
    { label: "My devices", value: overview.devices === null ? overview.ownDevices : null },
    { label: "Sub-organizations", value: overview.subOrgs },
  ].filter((s): s is { label: string; value: number } => s.value !== null);

  return (
    <div className="mx-auto max-w-5xl space-y-8">
      {header}

      {stats.length > 0 ? (
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
          {stats.map((s) => (
            <div key={s.label} className="rounded-xl border border-slate-200 bg-white p-5 shadow-xs">
              <dt className="text-sm text-slate-500">{s.label}</dt>
              <dd className="mt-1 text-3xl font-semibold tabular-nums">{s.value}</dd>
            </div>
          ))}
        </dl>
      ) : null}

      <section aria-labelledby="permissions-heading" className="rounded-xl border border-slate-200 bg-white p-6 shadow-xs">
        <h2 id="permissions-heading" className="font-semibold">
          What you can do here
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          As {roleLabel(viewer.role)} of {viewer.org.name}, your role holds these permissions in {org.name}.
        </p>
        <div className="mt-5 grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
          {overview.permissions.map((group) => (
            <div key={group.group}>
              <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{group.group}</h3>
              <ul className="mt-2 space-y-1 text-sm text-slate-700">
                {group.labels.map((label) => (
                  <li key={label} className="flex items-start gap-2">
                    <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="mt-0.5 h-4 w-4 shrink-0 text-emerald-600">
                      <path d="M16.7 5.3a1 1 0 0 1 0 1.4l-8 8a1 1 0 0 1-1.4 0l-4-4a1 1 0 1 1 1.4-1.4L8 12.6l7.3-7.3a1 1 0 0 1 1.4 0Z" />
                    </svg>
                    {label}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      </section>
    </div>
  );
}
