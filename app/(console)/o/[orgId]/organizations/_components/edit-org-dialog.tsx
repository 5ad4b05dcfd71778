"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { Dialog } from "@/components/ui/dialog";
import { FormActions } from "@/components/ui/form-actions";
import { Field, FormError, inputClass } from "@/components/ui/field";
import { editOrgSchema } from "@/lib/orgs/schemas";
import { editOrgAction } from "../actions";
import type { OrgTableRow } from "./orgs-view";

const formSchema = editOrgSchema.omit({ orgId: true, targetOrgId: true });

export function EditOrgDialog({ orgId, org, onClose }: { orgId: string; org: OrgTableRow; onClose: () => void }) {
  const { form, onSubmit, pending, formError } = useActionForm(formSchema, editOrgAction, {
    defaultValues: { name: org.name, description: org.description, canCreateSubOrgs: org.canCreateSubOrgs },
    input: (values) => ({ orgId, targetOrgId: org.id, ...values }),
    success: (_, values) => `${values.name} saved`,
    onSuccess: onClose,
  });
  const { errors } = form.formState;

  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={`Edit ${org.name}`}>
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <Field id="org-edit-name" label="Name" error={errors.name?.message}>
          <input id="org-edit-name" maxLength={80} className={inputClass} {...form.register("name")} />
        </Field>
        <Field id="org-edit-description" label="Description" error={errors.description?.message}>
          <textarea id="org-edit-description" maxLength={500} rows={3} className={inputClass} {...form.register("description")} />
        </Field>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" className="accent-brand-600" {...form.register("canCreateSubOrgs")} />
          Can have sub-organizations
        </label>
        <FormError message={formError} />
        <FormActions onCancel={onClose} busy={pending} busyLabel="Saving…" submitLabel="Save" />
      </form>
    </Dialog>
  );
}
