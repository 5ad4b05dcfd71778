import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { LoginLink } from "@/components/auth/login-link";
import { SignupForm } from "@/components/auth/signup-form";
import { getViewer } from "@/lib/auth/viewer";
import { signupOpen } from "@/lib/env";
import { SIGNUP_CLOSED } from "@/lib/signup/messages";
import { requestSignupAction } from "../signup-actions";

export const metadata: Metadata = { title: "Sign up" };

export default async function SignupPage() {
  const viewer = await getViewer();
  if (viewer) redirect(`/o/${viewer.org.id}`);
  if (!signupOpen()) {
    return (
      <AuthCard title="Sign-up is closed" subtitle={SIGNUP_CLOSED}>
        <LoginLink />
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Create your organization" subtitle="Start managing who may see and control your fleet. You will be its Admin.">
      <SignupForm action={requestSignupAction} />
      <LoginLink />
    </AuthCard>
  );
}
