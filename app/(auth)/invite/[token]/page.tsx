import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { AuthCard } from "@/components/auth/auth-card";
import { SetPasswordForm } from "@/components/auth/set-password-form";
import { getDb } from "@/db/client";
import { peekToken } from "@/lib/users/tokens";
import { LINK_EXPIRED } from "@/lib/users/link-messages";
import { acceptInvitationAction } from "../../token-actions";

export const metadata: Metadata = { title: "Accept your invitation", referrer: "no-referrer" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  if (!(await peekToken(await getDb(), token, "invitation"))) {
    return (
      <AuthCard title="This invitation cannot be used" subtitle={LINK_EXPIRED}>
        <p className="mt-6 text-sm text-slate-600">Ask the person who invited you to send a new invitation.</p>
        <Link href="/login" className="mt-4 inline-block text-sm text-brand-700 hover:underline">
          Go to the login page
        </Link>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Welcome to Roster" subtitle="Create a password to accept your invitation.">
      <SetPasswordForm token={token} submitLabel="Create password and log in" action={acceptInvitationAction} successHref="/" />
    </AuthCard>
  );
}
