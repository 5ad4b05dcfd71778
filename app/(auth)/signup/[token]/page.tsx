import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { AuthCard } from "@/components/auth/auth-card";
import { FinishSignup } from "@/components/auth/finish-signup";
import { getDb } from "@/db/client";
import { peekSignupLink } from "@/lib/signup/commands/finish";
import { ALREADY_REGISTERED } from "@/lib/users/commands/invite";
import { LINK_EXPIRED } from "@/lib/users/link-messages";
import { finishSignupAction } from "../../signup-actions";

export const metadata: Metadata = { title: "Finish signing up", referrer: "no-referrer" };

// The link is used by the button, not by opening the page: mail scanners fetch links too.
export default async function FinishSignupPage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  const link = await peekSignupLink(await getDb(), token);
  if (!link) {
    return (
      <AuthCard title="This sign-up link cannot be used" subtitle={LINK_EXPIRED}>
        <p className="mt-6 text-sm text-slate-600">Sign up again to get a new link; unfinished sign-ups are forgotten after 24 hours.</p>
        <Link href="/login" className="mt-4 inline-block text-sm text-brand-700 hover:underline">
          Go to the login page
        </Link>
      </AuthCard>
    );
  }
  if (link.registered) {
    return (
      <AuthCard title={ALREADY_REGISTERED} subtitle={`${link.email} has an account already, so this link creates nothing.`}>
        <Link href="/login" className="mt-6 inline-block text-sm text-brand-700 hover:underline">
          Log in
        </Link>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Finish signing up" subtitle={link.joining ? `You are joining ${link.orgName} as ${link.email}.` : `You are creating ${link.orgName} with ${link.email} as its Admin.`}>
      <FinishSignup token={token} label={link.joining ? `Join ${link.orgName}` : `Create ${link.orgName}`} action={finishSignupAction} />
    </AuthCard>
  );
}
