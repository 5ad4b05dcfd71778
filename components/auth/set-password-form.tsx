"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { Field, FormError, inputClass } from "@/components/ui/field";
import type { ActionResult } from "@/lib/action-result";
import { passwordInputSchema } from "@/lib/users/schemas";
import { PasswordStrength } from "./password-strength";

const schema = z
  .object({ password: passwordInputSchema, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { message: "The passwords do not match.", path: ["confirm"] });

type Props = {
  token: string;
  submitLabel: string;
  action: (input: { token: string; password: string }) => Promise<ActionResult<unknown>>;
  /** Where to go once the password is set (the login page when the action did not log in). */
  successHref: string;
};

const loggedOut = (data: unknown) => typeof data === "object" && data !== null && (data as { loggedIn?: unknown }).loggedIn === false;

export function SetPasswordForm({ token, submitLabel, action, successHref }: Props) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<z.infer<typeof schema>>({ resolver: zodResolver(schema), defaultValues: { password: "", confirm: "" } });
  const { errors, isSubmitting } = form.formState;
  const password = useWatch({ control: form.control, name: "password" });

  const onSubmit = form.handleSubmit(async ({ password }) => {
    setFormError(null);
    const result = await action({ token, password });
    if (!result.ok) {
      if (result.fieldErrors?.password) form.setError("password", { message: result.fieldErrors.password });
      else setFormError(result.message);
      return;
    }
    router.replace(loggedOut(result.data) ? "/login" : successHref);
    router.refresh();
  });

  return (
    <form method="post" onSubmit={onSubmit} className="mt-6 space-y-4" noValidate>
      <Field id="password" label="New password" error={errors.password?.message} hint={<PasswordStrength password={password} />}>
        <input id="password" type="password" autoComplete="new-password" aria-invalid={!!errors.password} className={inputClass} {...form.register("password")} />
      </Field>
      <Field id="confirm" label="Repeat the password" error={errors.confirm?.message}>
        <input id="confirm" type="password" autoComplete="new-password" aria-invalid={!!errors.confirm} className={inputClass} {...form.register("confirm")} />
      </Field>
      <FormError message={formError} />
      <Button type="submit" disabled={isSubmitting} className="w-full">
        {isSubmitting ? "Saving…" : submitLabel}
      </Button>
    </form>
  );
}
