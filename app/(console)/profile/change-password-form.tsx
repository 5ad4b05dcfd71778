"use client";

import { useState } from "react";
import { useWatch } from "react-hook-form";
import { PasswordStrength } from "@/components/auth/password-strength";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, FormError, inputClass } from "@/components/ui/field";
import { ownPasswordSchema } from "@/lib/users/schemas";
import { changeOwnPasswordAction } from "./actions";

export function ChangePasswordForm() {
  const [done, setDone] = useState(false);
  const { form, onSubmit, pending, formError } = useActionForm(ownPasswordSchema, changeOwnPasswordAction, {
    defaultValues: { currentPassword: "", newPassword: "" },
    onSuccess: (_data, _values, form) => {
      form.reset();
      setDone(true);
    },
    onFailure: () => setDone(false),
  });
  const { errors } = form.formState;
  const newPassword = useWatch({ control: form.control, name: "newPassword" });

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
        <Button type="submit" disabled={pending}>
          {pending ? "Changing…" : "Change password"}
        </Button>
      </div>
    </form>
  );
}
