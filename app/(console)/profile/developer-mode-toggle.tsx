"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { setDeveloperModeAction } from "./actions";

type Props = { enabled: boolean; isAdmin: boolean; heldBy: string | null };

/** Admins only; on free and plus, locked while someone else holds developer mode. */
export function DeveloperModeToggle({ enabled, isAdmin, heldBy }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const lockedBy = !enabled && heldBy ? heldBy : null;
  const disabled = pending || !isAdmin || lockedBy !== null;

  function toggle() {
    setError(null);
    startTransition(async () => {
      const result = await setDeveloperModeAction({ enabled: !enabled });
      if (!result.ok) setError(result.message);
      router.refresh();
    });
  }

  return (
    <div className="flex flex-wrap items-center justify-between gap-4 px-6 py-4">
      <div className="text-sm">
        <p id="devmode-label" className="font-medium text-slate-900">
          Developer mode
        </p>
        <p className="text-slate-500">
          {!isAdmin
            ? "Only Admins can use developer mode."
            : lockedBy
              ? `Developer mode is held by ${lockedBy}. They can hand it over by switching it off.`
              : "Developers build device templates and integrations; turning it off hands it over on free and plus plans."}
        </p>
        {error ? (
          <p role="alert" className="mt-1 text-red-700">
            {error}
          </p>
        ) : null}
      </div>
      <button
        type="button"
        role="switch"
        aria-checked={enabled}
        aria-labelledby="devmode-label"
        disabled={disabled}
        onClick={toggle}
        className={`relative inline-flex h-6 w-11 shrink-0 items-center rounded-full transition focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:cursor-not-allowed disabled:opacity-50 ${enabled ? "bg-brand-600" : "bg-slate-300"}`}
      >
        <span className={`inline-block h-5 w-5 rounded-full bg-white shadow transition ${enabled ? "translate-x-5" : "translate-x-0.5"}`} />
      </button>
    </div>
  );
}
