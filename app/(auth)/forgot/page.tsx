import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { AuthCard } from "@/components/auth/auth-card";
import { ForgotForm } from "./forgot-form";

export const metadata: Metadata = { title: "Forgot your password" };

// Dynamic, so the CSP nonce reaches its scripts (a prerendered page has none and would not hydrate).
export default async function ForgotPage() {
  await connection();
  return (
    <AuthCard title="Forgot your password?" subtitle="Enter your email and we will send you a link to choose a new one.">
      <ForgotForm />
      <p className="mt-4 text-center text-sm">
        <Link href="/login" className="text-brand-700 hover:underline">
          Back to log in
        </Link>
      </p>
    </AuthCard>
  );
}
