"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Field, FormError, inputClass } from "@/components/ui/field";
import { forgotPasswordSchema } from "@/lib/users/schemas";
import { requestPasswordResetAction } from "../token-actions";

export function ForgotForm() {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<z.input<typeof forgotPasswordSchema>>({ resolver: zodResolver(forgotPasswordSchema), defaultValues: { email: "" } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await requestPasswordResetAction(values);
    if (result.ok) setSentTo(values.email);
    else setFormError(result.message);
  });

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
      <Button type="submit" disabled={isSubmitting} className="w-full">
        {isSubmitting ? "Sending…" : "Email me a link"}
      </Button>
    </form>
  );
}
