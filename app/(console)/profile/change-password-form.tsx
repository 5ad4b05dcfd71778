"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { PasswordStrength } from "@/components/auth/password-strength";
import { Button } from "@/components/ui/button";
import { Field, FormError, inputClass } from "@/components/ui/field";
import { ownPasswordSchema } from "@/lib/users/schemas";
import { changeOwnPasswordAction } from "./actions";

type Values = z.input<typeof ownPasswordSchema>;

export function ChangePasswordForm() {
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const form = useForm<Values>({ resolver: zodResolver(ownPasswordSchema), defaultValues: { currentPassword: "", newPassword: "" } });
  const { errors, isSubmitting } = form.formState;
  const newPassword = useWatch({ control: form.control, name: "newPassword" });

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    setDone(false);
    const result = await changeOwnPasswordAction(values);
    if (result.ok) {
      form.reset();
      setDone(true);
      return;
    }
    for (const [field, message] of Object.entries(result.fieldErrors ?? {})) {
      if (field === "currentPassword" || field === "newPassword") form.setError(field, { message });
    }
    if (!result.fieldErrors) setFormError(result.message);
  });

  return (
    <form method="post" onSubmit={onSubmit} className="grid gap-4 px-6 py-4 sm:max-w-md" noValidate>
      <Field id="currentPassword" label="Current password" error={errors.currentPassword?.message}>
        <input id="currentPassword" type="password" autoComplete="current-password" aria-invalid={!!errors.currentPassword} className={inputClass} {...form.register("currentPassword")} />
      </Field>
      <Field id="newPassword" label="New password" error={errors.newPassword?.message} hint={<PasswordStrength password={newPassword} />}>
        <input id="newPassword" type="password" autoComplete="new-password" aria-invalid={!!errors.newPassword} className={inputClass} {...form.register("newPassword")} />
      </Field>
      <FormError message={formError} />
      {done ? (
        <p role="status" className="text-sm text-emerald-700">
          Password changed. Your other sessions have been logged out.
        </p>
      ) : null}
      <div>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Changing…" : "Change password"}
        </Button>
      </div>
    </form>
  );
}
