"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import type { ActionResult } from "@/lib/action-result";

type Props = { token: string; label: string; action: (input: { token: string }) => Promise<ActionResult<{ orgId: string }>> };

/** The one button that uses a sign-up link; on success the person is logged in, on their organization's overview. */
export function FinishSignup({ token, label, action }: Props) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const finish = () =>
    startTransition(async () => {
      setError(null);
      const result = await action({ token });
      if (!result.ok) return setError(result.message);
      router.replace(`/o/${result.data.orgId}`);
      router.refresh();
    });
  return (
    <div className="mt-6 space-y-4">
      <FormError message={error} />
      <Button type="button" onClick={finish} disabled={pending} className="w-full">
        {pending ? "Setting up…" : label}
      </Button>
    </div>
  );
}
