"use client";

import { useEffect, useState } from "react";

const LABELS = ["Very weak", "Weak", "Fair", "Strong", "Very strong"] as const;
const COLORS = ["bg-red-500", "bg-orange-500", "bg-amber-500", "bg-emerald-500", "bg-emerald-600"] as const;

type Checker = (password: string) => number;
let checker: Promise<Checker> | null = null;

// The dictionaries weigh about a megabyte: load them only when someone types a password.
function loadChecker(): Promise<Checker> {
  checker ??= Promise.all([import("@zxcvbn-ts/core"), import("@zxcvbn-ts/language-common")]).then(([core, common]) => {
    const zxcvbn = new core.ZxcvbnFactory({ dictionary: common.dictionary, graphs: common.adjacencyGraphs });
    return (password: string) => zxcvbn.check(password.slice(0, 100)).score;
  });
  return checker;
}

/** A strength hint, never a rule: the server only insists on length and on not-well-known. */
export function PasswordStrength({ password }: { password: string }) {
  const [score, setScore] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    if (!password) return;
    void loadChecker().then((check) => live && setScore(check(password)));
    return () => {
      live = false;
    };
  }, [password]);
  if (!password || score === null) return <span>At least 8 characters. A few unrelated words make a strong password.</span>;
  return (
    <span className="flex items-center gap-2" aria-live="polite">
      <span aria-hidden className="flex gap-0.5">
        {LABELS.map((_, i) => (
          <span key={i} className={`h-1.5 w-6 rounded-full ${i <= score ? COLORS[score] : "bg-slate-200"}`} />
        ))}
      </span>
      <span>Strength: {LABELS[score]}</span>
    </span>
  );
}
