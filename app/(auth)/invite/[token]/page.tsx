import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { AuthCard } from "@/components/auth/auth-card";
import { SetPasswordForm } from "@/components/auth/set-password-form";
import { getDb } from "@/db/client";
import { peekInvitation } from "@/lib/users/tokens";
import { LINK_EXPIRED } from "@/lib/users/link-messages";
import { acceptInvitationAction } from "../../token-actions";

export const metadata: Metadata = { title: "Accept your invitation", referrer: "no-referrer" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  const invitation = await peekInvitation(await getDb(), token);
  if (!invitation) {
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
    <AuthCard
      title={`Join ${invitation.orgName}`}
      subtitle={
        <>
          You were invited as <strong className="font-medium text-slate-900" data-testid="invited-email">{invitation.email}</strong>. Create a password to accept.
        </>
      }
    >
      <SetPasswordForm token={token} username={invitation.email} submitLabel="Create password and log in" action={acceptInvitationAction} successHref="/" />
    </AuthCard>
  );
}
