"use client";

import { OrgSelect } from "@/components/forms/org-select";
import { RoleSelect } from "@/components/forms/role-select";
import type { LocationOption } from "@/components/forms/location-option";
import { LocationsField } from "@/components/forms/locations-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Dialog } from "@/components/ui/dialog";
import { FormActions } from "@/components/ui/form-actions";
import { Field, FormError, inputClass } from "@/components/ui/field";
import type { RoleOption } from "@/lib/users/page-data";
import { inviteSchema } from "@/lib/users/schemas";
import { inviteUserAction } from "../../actions";
import { useOrgOptions } from "../use-org-options";

const formSchema = inviteSchema.omit({ orgId: true });

type Props = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  orgId: string;
  /** The roles the viewer may give. */
  roles: RoleOption[];
  /** Usable in the org shown, inherited ones marked (usable in every org below it too). */
  locations: readonly LocationOption[];
};

export function InviteDialog({ open, onOpenChange, orgId, roles, locations }: Props) {
  const orgs = useOrgOptions(orgId, open) ?? [];
  const { form, onSubmit, pending, formError } = useActionForm(formSchema, inviteUserAction, {
    defaultValues: { name: "", email: "", role: "user", phone: "", targetOrgId: orgId, locationIds: [] },
    input: (values) => ({ ...values, orgId, phone: values.phone || undefined }),
    success: (_, values) => `Invitation sent to ${values.email}`,
    onSuccess: (_data, _values, form) => {
      form.reset();
      onOpenChange(false);
    },
  });
  const { errors } = form.formState;

  return (
    <Dialog open={open} onOpenChange={onOpenChange} title="Invite user" description="They get an email with a link to create their password. The link works once, for 30 days.">
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <Field id="invite-name" label="Name" error={errors.name?.message}>
          <input id="invite-name" autoComplete="off" aria-invalid={!!errors.name} className={inputClass} {...form.register("name")} />
        </Field>
        <Field id="invite-email" label="Email" error={errors.email?.message}>
          <input id="invite-email" type="email" autoComplete="off" aria-invalid={!!errors.email} className={inputClass} {...form.register("email")} />
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="invite-role" label="Role" error={errors.role?.message}>
            <RoleSelect id="invite-role" roles={roles} {...form.register("role")} />
          </Field>
          <Field id="invite-phone" label="Phone (optional)" error={errors.phone?.message}>
            <input id="invite-phone" type="tel" autoComplete="off" className={inputClass} {...form.register("phone")} />
          </Field>
        </div>
        {orgs.length > 1 ? (
          <Field id="invite-org" label="Organization" error={errors.targetOrgId?.message}>
            <OrgSelect id="invite-org" orgs={orgs} {...form.register("targetOrgId")} />
          </Field>
        ) : null}
        <LocationsField legend="Locations (optional)" locations={locations} register={form.register("locationIds")} />
        <FormError message={formError} />
        <FormActions onCancel={() => onOpenChange(false)} busy={pending} busyLabel="Sending…" submitLabel="Send invitation" />
      </form>
    </Dialog>
  );
}
