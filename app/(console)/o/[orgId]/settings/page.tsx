import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/commands/actor";
import { getActorFor } from "@/lib/orgs/context";
import { orgTarget } from "@/lib/orgs/target";
import { timeZoneOptions } from "@/lib/orgs/time-zones";
import { authorize, may, planLimits } from "@/lib/policy";
import { selfSignupSettings } from "@/lib/tenants/join-settings";
import { OrgSettingsForm } from "./_components/org-settings-form";
import { SelfSignupForm } from "./_components/self-signup-form";
import { SelfSignupLocked } from "./_components/self-signup-locked";

export const metadata: Metadata = { title: "Organization settings" };

export default async function OrgSettingsPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const actor = await getActorFor(orgId, "settings");
  const { org } = actor;

  return (
    <div className="max-w-5xl space-y-10">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Organization</h1>
        <p className="text-sm text-slate-500">The settings of {org.name}{org.parentId === null ? ", the root organization" : ""}.</p>
      </div>

      <SettingsSection id="general" title="General" description="How this organization is named and described, and the time zone its emails and exports use.">
        <div className="rounded-xl border border-slate-200 bg-white shadow-xs">
          <OrgSettingsForm orgId={org.id} settings={{ name: org.name, description: org.description, timezone: org.timezone }} zones={timeZoneOptions(new Date(), org.timezone)} />
          <SubOrgsNote actor={actor} />
        </div>
      </SettingsSection>

      <SettingsSection id="users" title="Users" description={`How people join ${rootName(actor)} besides an invitation.`}>
        <section aria-labelledby="self-signup-heading" className="rounded-xl border border-slate-200 bg-white shadow-xs">
          <div className="border-b border-slate-100 px-6 py-4">
            <h3 id="self-signup-heading" className="font-semibold">
              Self sign-up
            </h3>
            <p className="mt-1 text-sm text-slate-500">A public link where people create their own account in {rootName(actor)}, without waiting for an invitation.</p>
          </div>
          <SelfSignup actor={actor} />
        </section>
      </SettingsSection>
    </div>
  );
}

/** A titled group of settings: the title beside its cards on a wide screen, above them on a phone. */
function SettingsSection({ id, title, description, children }: { id: string; title: string; description: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="grid gap-4 md:grid-cols-[14rem_minmax(0,1fr)] md:gap-8">
      <div>
        <h2 id={`${id}-heading`} className="text-base font-semibold">
          {title}
        </h2>
        <p className="mt-1 text-sm text-slate-500">{description}</p>
      </div>
      <div className="min-w-0">{children}</div>
    </section>
  );
}

/** Sub-orgs' own "can create sub-organizations" stays with the rest of each sub-org, on the Organizations page. */
function SubOrgsNote({ actor }: { actor: Actor }) {
  if (!may(actor.policy, "orgs.edit") || planLimits(actor.viewer.tenant.plan).maxSubOrgs === 0) return null;
  return (
    <p className="border-t border-slate-100 px-6 py-4 text-sm text-slate-500">
      Whether a sub-organization may have sub-organizations of its own is set with the rest of it, under Edit on the{" "}
      <Link href={`/o/${actor.org.id}/organizations`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
        Organizations page
      </Link>
      .
    </p>
  );
}

/** The tenant's root by name for its own members; below it, a sub-org's people see no name from above (security.md A4). */
function rootName(actor: Actor): string {
  return actor.viewer.org.depth === 1 ? actor.viewer.tenant.name : "the root organization";
}

/** The form where the policy allows it; otherwise why not, as the policy words it. */
async function SelfSignup({ actor }: { actor: Actor }) {
  const { viewer } = actor;
  const verdict = authorize(actor.policy, "org.self_signup", orgTarget(actor));
  if (verdict.ok) return <SelfSignupForm orgId={actor.org.id} settings={await selfSignupSettings(await getDb(), actor)} />;
  if (verdict.refusal === "SELF_SIGNUP_IN_ROOT") {
    // Members of the root can go there; a sub-org's own people are told who decides.
    const root = viewer.org.depth === 1 ? { href: `/o/${viewer.org.id}/settings`, label: `Open the settings of ${viewer.tenant.name}` } : null;
    return <SelfSignupLocked reason={`Self sign-up is set in the root organization${viewer.org.depth === 1 ? `, ${viewer.tenant.name}` : ""}: people who sign up themselves join there, not a sub-organization.`} link={root} />;
  }
  // On a plan without it the switch is shown off and locked, as the roles page shows locked permissions.
  return <SelfSignupLocked reason={`${verdict.reason}.`} showSwitch={verdict.refusal === "PLAN_NO_SELF_SIGNUP"} />;
}
