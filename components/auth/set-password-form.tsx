"use client";

import { useRouter } from "next/navigation";
import { useWatch } from "react-hook-form";
import { z } from "zod";
import { useActionForm } from "@/components/forms/use-action-form";
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
  /** The account's email, in a hidden username field so password managers save the login with it. */
  username?: string;
  submitLabel: string;
  action: (input: { token: string; password: string }) => Promise<ActionResult<unknown>>;
  /** Where to go once the password is set (the login page when the action did not log in). */
  successHref: string;
};

const loggedOut = (data: unknown) => typeof data === "object" && data !== null && (data as { loggedIn?: unknown }).loggedIn === false;

export function SetPasswordForm({ token, username, submitLabel, action, successHref }: Props) {
  const router = useRouter();
  const { form, onSubmit, pending, formError } = useActionForm(schema, action, {
    defaultValues: { password: "", confirm: "" },
    input: ({ password }) => ({ token, password }),
    onSuccess: (data) => {
      router.replace(loggedOut(data) ? "/login" : successHref);
      router.refresh();
    },
  });
  const { errors } = form.formState;
  const password = useWatch({ control: form.control, name: "password" });

  return (
    <form method="post" onSubmit={onSubmit} className="mt-6 space-y-4" noValidate>
      {username ? <input type="email" name="username" autoComplete="username" value={username} readOnly hidden /> : null}
      <Field id="password" label="New password" error={errors.password?.message} hint={<PasswordStrength password={password} />}>
        <input id="password" type="password" autoComplete="new-password" aria-invalid={!!errors.password} className={inputClass} {...form.register("password")} />
      </Field>
      <Field id="confirm" label="Repeat the password" error={errors.confirm?.message}>
        <input id="confirm" type="password" autoComplete="new-password" aria-invalid={!!errors.confirm} className={inputClass} {...form.register("confirm")} />
      </Field>
      <FormError message={formError} />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Saving…" : submitLabel}
      </Button>
    </form>
  );
}
