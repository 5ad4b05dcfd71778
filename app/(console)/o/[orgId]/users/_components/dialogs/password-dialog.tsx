"use client";

import { useWatch } from "react-hook-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { Dialog } from "@/components/ui/dialog";
import { FormActions } from "@/components/ui/form-actions";
import { Field, inputClass } from "@/components/ui/field";
import { adminPasswordSchema } from "@/lib/users/schemas";
import type { UserTableRow } from "@/lib/users/view-model";
import { setUserPasswordAction } from "../../actions";

const formSchema = adminPasswordSchema.pick({ password: true });

/** An admin sets another user's password: a deliberate, warned step (security.md C5). */
export function PasswordDialog({ row, orgId, onClose }: { row: UserTableRow; orgId: string; onClose: () => void }) {
  const { form, onSubmit, pending, formError } = useActionForm(formSchema, setUserPasswordAction, {
    defaultValues: { password: "" },
    input: ({ password }) => ({ orgId, userId: row.id, password }),
    success: `Password changed for ${row.name}; they have been logged out and told by email`,
    onSuccess: onClose,
  });
  const password = useWatch({ control: form.control, name: "password" });
  // The one field owns every refusal: there is nothing else on the form to blame.
  const error = form.formState.errors.password?.message ?? formError ?? undefined;

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title={`Change password for ${row.name}`}>
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {row.name} will be logged out everywhere and told by email. Prefer letting them reset it themselves from the login page when you can.
        </p>
        <Field id="admin-new-password" label="New password" error={error} hint="At least 8 characters.">
          <input id="admin-new-password" type="password" autoComplete="new-password" className={inputClass} aria-invalid={!!error} {...form.register("password")} />
        </Field>
        <FormActions onCancel={onClose} busy={pending} busyLabel="Changing…" submitLabel="Change password" disabled={password.length === 0} />
      </form>
    </Dialog>
  );
}
