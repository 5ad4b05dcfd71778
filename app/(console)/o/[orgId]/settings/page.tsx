import type { Metadata } from "next";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/commands/actor";
import { getActorFor } from "@/lib/orgs/context";
import { orgTarget } from "@/lib/orgs/target";
import { authorize } from "@/lib/policy";
import { selfSignupSettings } from "@/lib/tenants/join-settings";
import { SelfSignupForm } from "./_components/self-signup-form";
import { SelfSignupLocked } from "./_components/self-signup-locked";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const actor = await getActorFor(orgId, "settings");

  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
        <p className="text-sm text-slate-500">{actor.org.name}</p>
      </div>

      <section aria-labelledby="self-signup-heading" className="rounded-xl border border-slate-200 bg-white shadow-xs">
        <div className="border-b border-slate-100 px-6 py-4">
          <h2 id="self-signup-heading" className="font-semibold">
            Self sign-up
          </h2>
          <p className="mt-1 text-sm text-slate-500">A public link where people create their own account in {actor.viewer.tenant.name}, without waiting for an invitation.</p>
        </div>
        <SelfSignup actor={actor} />
      </section>
    </div>
  );
}

/** The form where the policy allows it; otherwise why not, as the policy words it. */
async function SelfSignup({ actor }: { actor: Actor }) {
  const { viewer } = actor;
  const verdict = authorize(actor.policy, "org.self_signup", orgTarget(actor));
  if (verdict.ok) return <SelfSignupForm orgId={actor.org.id} settings={await selfSignupSettings(await getDb(), actor)} />;
  if (verdict.refusal === "SELF_SIGNUP_IN_ROOT") {
    // Members of the root can go there; a sub-org's own people are told who decides.
    const root = viewer.org.depth === 1 ? { href: `/o/${viewer.org.id}/settings`, label: `Open the settings of ${viewer.tenant.name}` } : null;
    return <SelfSignupLocked reason={`Self sign-up is set in the root organization, ${viewer.tenant.name}: people who sign up themselves join there, not a sub-organization.`} link={root} />;
  }
  // On a plan without it the switch is shown off and locked, as the roles page shows locked permissions.
  return <SelfSignupLocked reason={`${verdict.reason}.`} showSwitch={verdict.refusal === "PLAN_NO_SELF_SIGNUP"} />;
}
