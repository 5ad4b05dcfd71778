import Link from "next/link";
import { connection } from "next/server";

// Rendered per request like every other page: a prerendered 404 would carry the nonce of the
// build, and the CSP of each request would then block its scripts.
export default async function NotFound() {
  await connection();
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="max-w-md text-center">
        <p className="text-sm font-semibold text-brand-600">404</p>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">Page not found</h1>
        <p className="mt-2 text-slate-600">This page does not exist, or you do not have access to it.</p>
        <Link href="/" className="mt-6 inline-flex rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
          Back to the console
        </Link>
      </div>
    </main>
  );
}
