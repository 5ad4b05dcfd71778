import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { AuthCard } from "@/components/auth/auth-card";
import { SetPasswordForm } from "@/components/auth/set-password-form";
import { getDb } from "@/db/client";
import { peekToken } from "@/lib/users/tokens";
import { LINK_EXPIRED } from "@/lib/users/link-messages";
import { resetPasswordAction } from "../../token-actions";

export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

export default async function ResetPage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  if (!(await peekToken(await getDb(), token, "password_reset"))) {
    return (
      <AuthCard title="This link cannot be used" subtitle={LINK_EXPIRED}>
        <Link href="/forgot" className="mt-6 inline-block text-sm text-brand-700 hover:underline">
          Ask for a new link
        </Link>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Choose a new password" subtitle="You will be logged out everywhere and can then log in with it.">
      <SetPasswordForm token={token} submitLabel="Set new password" action={resetPasswordAction} successHref="/login?reset=done" />
    </AuthCard>
  );
}
