import type { Metadata } from "next";
import { Avatar } from "@/components/ui/avatar";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { listOwnSessions } from "@/lib/auth/sessions-queries";
import { requireViewer } from "@/lib/auth/viewer";
import { roleLabel } from "@/lib/orgs/labels";
import { logoutAction } from "@/app/(auth)/actions";
import { isAdminRole, USER_TYPE_LABELS } from "@/lib/policy";
import { otherDeveloper } from "@/lib/users/developer";
import { endOtherSessionsAction, logOutEverywhereAction } from "./actions";
import { ChangePasswordForm } from "./change-password-form";
import { DetailsForm } from "./details-form";
import { DeveloperModeToggle } from "./developer-mode-toggle";
import { SessionList } from "./session-list";

export const metadata: Metadata = { title: "Profile" };

export default async function ProfilePage() {
  const viewer = await requireViewer();
  const db = await getDb();
  const sessions = await listOwnSessions(db, viewer);
  const [me] = await db.select({ phone: users.phone }).from(users).where(eq(users.id, viewer.userId));
  const phone = me?.phone ?? null;
  // On pro and business many Admins may be developers; the holder only matters on free and plus.
  const singleDeveloper = viewer.tenant.plan === "free" || viewer.tenant.plan === "plus";
  const heldBy = singleDeveloper ? await otherDeveloper(db, viewer.tenant.id, viewer.userId) : null;
  const others = sessions.filter((s) => !s.current).length;
  const details = [
    { label: "Email", value: viewer.email },
    { label: "Organization", value: viewer.org.name },
    { label: "Role", value: roleLabel(viewer.role) },
    { label: "User type", value: USER_TYPE_LABELS[viewer.type] },
  ];

  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <div className="flex items-center gap-4">
        <Avatar name={viewer.name} />
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{viewer.name}</h1>
          <p className="text-sm text-slate-600">{viewer.email}</p>
        </div>
      </div>

      <section aria-labelledby="details-heading" className="rounded-xl border border-slate-200 bg-white shadow-xs">
        <h2 id="details-heading" className="border-b border-slate-100 px-6 py-4 font-semibold">
          Your details
        </h2>
        <DetailsForm name={viewer.name} phone={phone} />
        <dl className="divide-y divide-slate-100 border-t border-slate-100">
          {details.map((d) => (
            <div key={d.label} className="grid grid-cols-3 gap-4 px-6 py-3 text-sm">
              <dt className="text-slate-500">{d.label}</dt>
              <dd className="col-span-2 text-slate-900">{d.value}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="security-heading" className="rounded-xl border border-slate-200 bg-white shadow-xs">
        <h2 id="security-heading" className="border-b border-slate-100 px-6 py-4 font-semibold">
          Password
        </h2>
        <ChangePasswordForm />
      </section>

      <section aria-label="Developer mode" className="rounded-xl border border-slate-200 bg-white shadow-xs">
        <DeveloperModeToggle enabled={viewer.developerMode} isAdmin={isAdminRole(viewer.role)} heldBy={heldBy} />
      </section>

      <section aria-labelledby="sessions-heading" className="rounded-xl border border-slate-200 bg-white shadow-xs">
        <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-100 px-6 py-4">
          <h2 id="sessions-heading" className="font-semibold">
            Where you&apos;re logged in
          </h2>
          <div className="flex gap-2">
            {others > 0 ? (
              <form action={endOtherSessionsAction}>
                <button type="submit" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-50">
                  Log out other sessions ({others})
                </button>
              </form>
            ) : null}
            <form action={logOutEverywhereAction}>
              <button type="submit" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-50">
                Log out everywhere
              </button>
            </form>
            <form action={logoutAction}>
              <button type="submit" className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700">
                Log out
              </button>
            </form>
          </div>
        </div>
        <SessionList sessions={sessions} timeZone={viewer.org.timezone} now={new Date()} />
      </section>
    </div>
  );
}
