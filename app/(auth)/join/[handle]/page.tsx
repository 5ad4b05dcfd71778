import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { AuthCard } from "@/components/auth/auth-card";
import { LoginLink } from "@/components/auth/login-link";
import { SignupForm } from "@/components/auth/signup-form";
import { getDb } from "@/db/client";
import { getViewer } from "@/lib/auth/viewer";
import { joinableTenant } from "@/lib/signup/joinable";
import { JOIN_UNAVAILABLE } from "@/lib/signup/messages";
import { handleSchema } from "@/lib/signup/schemas";
import { requestJoinAction } from "../../signup-actions";

export const metadata: Metadata = { title: "Sign up" };

export default async function JoinPage({ params }: { params: Promise<{ handle: string }> }) {
  await connection();
  const viewer = await getViewer();
  if (viewer) redirect(`/o/${viewer.org.id}`);
  const handle = handleSchema.safeParse((await params).handle);
  const tenant = handle.success ? await joinableTenant(await getDb(), { handle: handle.data }) : null;
  // Off, unknown, suspended or another plan: one page for all (issue 19 §3).
  if (!tenant) {
    return (
      <AuthCard title={JOIN_UNAVAILABLE} subtitle="Ask the organization that sent you here for a new link, or for an invitation.">
        <Link href="/login" className="mt-6 inline-block text-sm text-brand-700 hover:underline">
          Go to the login page
        </Link>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={`Join ${tenant.name}`} subtitle={`Create your account in ${tenant.name}'s console on Roster.`}>
      <SignupForm joining={{ handle: tenant.handle, domains: tenant.domains }} action={requestJoinAction} />
      <LoginLink />
    </AuthCard>
  );
}
