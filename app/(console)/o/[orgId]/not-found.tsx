"use client";

import Link from "next/link";
import { useParams } from "next/navigation";

// A console page this viewer may not open (or that does not exist): a 404 inside the frame, so
// the nav shows where they can go instead. An org out of reach never gets here: its own layout
// refuses first, and the root not-found answers without naming anything of the org.
export default function ConsoleNotFound() {
  const { orgId } = useParams<{ orgId: string }>();
  return (
    <div className="mx-auto max-w-xl rounded-xl border border-slate-200 bg-white p-8 shadow-xs">
      <p className="text-sm font-semibold text-brand-600">404</p>
      <h1 className="mt-2 text-xl font-semibold tracking-tight">Page not found</h1>
      <p className="mt-2 text-slate-600">This page does not exist, or your role does not include access to it. The menu shows the pages you can open.</p>
      <Link href={`/o/${orgId}`} className="mt-6 inline-flex rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
        Back to the overview
      </Link>
    </div>
  );
}
