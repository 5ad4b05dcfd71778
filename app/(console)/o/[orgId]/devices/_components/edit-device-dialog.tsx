"use client";

import { useWatch } from "react-hook-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { Dialog } from "@/components/ui/dialog";
import { FormActions } from "@/components/ui/form-actions";
import { Field, FormError, inputClass } from "@/components/ui/field";
import { editDeviceSchema } from "@/lib/devices/schemas";
import { editDeviceAction } from "../actions";

const formSchema = editDeviceSchema.omit({ orgId: true, deviceId: true });

/** A device's name and model (org_devices.edit). */
export function EditDeviceDialog({ orgId, device, onClose }: { orgId: string; device: { id: string; name: string; model: string }; onClose: () => void }) {
  const { form, onSubmit, pending, formError } = useActionForm(formSchema, editDeviceAction, {
    defaultValues: { name: device.name, model: device.model },
    input: (values) => ({ ...values, orgId, deviceId: device.id }),
    success: (_, values) => `${values.name} saved`,
    onSuccess: onClose,
  });
  const { errors } = form.formState;
  const name = useWatch({ control: form.control, name: "name" });

  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={`Edit ${device.name}`}>
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <Field id="edit-device-name" label="Name" error={errors.name?.message}>
          <input id="edit-device-name" maxLength={80} aria-invalid={!!errors.name} className={inputClass} {...form.register("name")} />
        </Field>
        <Field id="edit-device-model" label="Model (optional)" error={errors.model?.message}>
          <input id="edit-device-model" maxLength={80} aria-invalid={!!errors.model} className={inputClass} {...form.register("model")} />
        </Field>
        <FormError message={formError} />
        <FormActions onCancel={onClose} busy={pending} busyLabel="Saving…" submitLabel="Save changes" disabled={!name?.trim()} />
      </form>
    </Dialog>
  );
}
