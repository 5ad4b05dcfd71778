import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Log in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const viewer = await getViewer();
  if (viewer) redirect(`/o/${viewer.org.id}`);
  const { callbackUrl } = await searchParams;
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-b from-brand-50 to-slate-50 p-6">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex items-center justify-center gap-2">
          <span aria-hidden className="flex h-9 w-9 items-center justify-center rounded-lg bg-brand-600 text-lg font-bold text-white">R</span>
          <span className="text-xl font-semibold tracking-tight">Roster</span>
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
          <h1 className="text-lg font-semibold">Log in to your console</h1>
          <p className="mt-1 text-sm text-slate-600">Manage who may see and control your fleet.</p>
          <LoginForm callbackUrl={typeof callbackUrl === "string" ? callbackUrl : ""} />
        </div>
      </div>
    </main>
  );
}
