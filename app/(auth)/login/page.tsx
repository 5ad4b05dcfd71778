import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { FirstRun } from "@/components/auth/first-run";
import { getDb } from "@/db/client";
import { getViewer } from "@/lib/auth/viewer";
import { signupOpen } from "@/lib/env";
import { hasAnyTenant } from "@/lib/tenants/exists";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Log in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[]; reset?: string | string[] }> }) {
  const viewer = await getViewer();
  if (viewer) redirect(`/o/${viewer.org.id}`);
  if (!(await hasAnyTenant(await getDb()))) return <FirstRun />;
  const { callbackUrl, reset } = await searchParams;
  return (
    <AuthCard title="Log in to your console" subtitle="Manage who may see and control your fleet.">
      {reset === "done" ? (
        <p role="status" className="mt-4 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          Your password has been changed. Log in with the new one.
        </p>
      ) : null}
      <LoginForm callbackUrl={typeof callbackUrl === "string" ? callbackUrl : ""} />
      <p className="mt-4 text-center text-sm">
        <Link href="/forgot" className="text-brand-700 hover:underline">
          Forgot your password?
        </Link>
      </p>
      {signupOpen() ? (
        <p className="mt-2 text-center text-sm text-slate-600">
          New to Roster?{" "}
          <Link href="/signup" className="text-brand-700 underline underline-offset-2">
            Create an organization
          </Link>
        </p>
      ) : null}
    </AuthCard>
  );
}
