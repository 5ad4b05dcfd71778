"use client";

import { useState } from "react";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, FormError, inputClass } from "@/components/ui/field";
import { forgotPasswordSchema } from "@/lib/users/schemas";
import { requestPasswordResetAction } from "../token-actions";

export function ForgotForm() {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { form, onSubmit, pending, formError } = useActionForm(forgotPasswordSchema, requestPasswordResetAction, {
    defaultValues: { email: "" },
    onSuccess: (_, values) => setSentTo(values.email),
    serverErrors: "form",
  });
  const { errors } = form.formState;

  if (sentTo) {
    // The same words whether or not the address has an account (security.md E3).
    return (
      <p role="status" className="mt-6 rounded-md bg-emerald-50 px-3 py-3 text-sm text-emerald-800">
        If an account exists for {sentTo}, we have emailed it a link to choose a new password. The link works once, for 60 minutes.
      </p>
    );
  }
  return (
    <form method="post" onSubmit={onSubmit} className="mt-6 space-y-4" noValidate>
      <Field id="email" label="Email" error={errors.email?.message}>
        <input id="email" type="email" autoComplete="username" aria-invalid={!!errors.email} className={inputClass} {...form.register("email")} />
      </Field>
      <FormError message={formError} />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Sending…" : "Email me a link"}
      </Button>
    </form>
  );
}
