import Link from "next/link";
import { SwitchTrack } from "./switch-track";

type Props = { reason: string; showSwitch?: boolean; link?: { href: string; label: string } | null };

/** Self sign-up where this viewer cannot set it: why, and where it is set instead. */
export function SelfSignupLocked({ reason, showSwitch = false, link = null }: Props) {
  return (
    <div className="space-y-4 px-6 py-5">
      {showSwitch ? (
        <div className="flex items-center justify-between gap-4">
          <span id="self-signup-locked-label" className="text-sm font-medium text-slate-500">
            People can sign up themselves
          </span>
          <button type="button" role="switch" aria-checked="false" aria-labelledby="self-signup-locked-label" aria-describedby="self-signup-locked-reason" disabled className="cursor-not-allowed opacity-50">
            <SwitchTrack on={false} />
          </button>
        </div>
      ) : null}
      <p id="self-signup-locked-reason" role="note" className="rounded-lg border border-slate-200 bg-slate-50 px-4 py-3 text-sm text-slate-700">
        {reason}
        {link ? (
          <>
            {" "}
            <Link href={link.href} className="font-medium text-brand-700 underline-offset-2 hover:underline">
              {link.label}
            </Link>
          </>
        ) : null}
      </p>
    </div>
  );
}
