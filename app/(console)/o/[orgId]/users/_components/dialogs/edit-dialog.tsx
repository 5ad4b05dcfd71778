"use client";

import { useEffect, useState } from "react";
import { RoleSelect } from "@/components/forms/role-select";
import { LocationsField } from "@/components/forms/locations-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Dialog } from "@/components/ui/dialog";
import { FormActions } from "@/components/ui/form-actions";
import { Field, FormError, inputClass } from "@/components/ui/field";
import type { UserDetails } from "@/lib/users/details";
import type { RoleOption } from "@/lib/users/page-data";
import { editUserSchema } from "@/lib/users/schemas";
import type { UserTableRow } from "@/lib/users/view-model";
import { editUserAction, userDetailsAction } from "../../actions";

const formSchema = editUserSchema.omit({ orgId: true, userId: true });

/** `roles`: the ones the viewer may give (grantableRoles). */
type Props = { row: UserTableRow; orgId: string; roles: RoleOption[]; onClose: () => void };

/** Name, phone, role and locations; the email is shown but never editable. */
export function EditDialog({ row, orgId, roles, onClose }: Props) {
  const [details, setDetails] = useState<UserDetails | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const { form, onSubmit, pending, formError } = useActionForm(formSchema, editUserAction, {
    defaultValues: { name: row.name, phone: "", role: row.role, locationIds: [] },
    input: (values) => ({ ...values, orgId, userId: row.id, phone: values.phone || undefined }),
    success: (_, values) => `${values.name} updated`,
    onSuccess: onClose,
  });
  const { errors } = form.formState;

  useEffect(() => {
    let live = true;
    void userDetailsAction({ orgId, userId: row.id }).then((result) => {
      if (!live) return;
      if (!result.ok) return setLoadError(result.message);
      setDetails(result.data);
      form.reset({ name: result.data.name, phone: result.data.phone ?? "", role: result.data.role, locationIds: result.data.locationIds });
    });
    return () => {
      live = false;
    };
  }, [orgId, row.id, form]);

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title={`Edit ${row.name}`}>
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <Field id="edit-email" label="Email">
          <input id="edit-email" value={row.email} readOnly disabled className={`${inputClass} bg-slate-50 text-slate-500`} />
        </Field>
        <Field id="edit-name" label="Name" error={errors.name?.message}>
          <input id="edit-name" aria-invalid={!!errors.name} className={inputClass} {...form.register("name")} />
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="edit-role" label="Role" error={errors.role?.message}>
            <RoleSelect id="edit-role" roles={roles} {...form.register("role")} />
          </Field>
          <Field id="edit-phone" label="Phone" error={errors.phone?.message}>
            <input id="edit-phone" type="tel" className={inputClass} {...form.register("phone")} />
          </Field>
        </div>
        <LocationsField legend="Locations" locations={details?.orgLocations ?? []} register={form.register("locationIds")} />
        <FormError message={formError ?? loadError} />
        <FormActions onCancel={onClose} busy={pending} busyLabel="Saving…" submitLabel="Save changes" disabled={!details} />
      </form>
    </Dialog>
  );
}
