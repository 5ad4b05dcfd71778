"use client";

import { useWatch } from "react-hook-form";
import { z } from "zod";
import { useActionForm } from "@/components/forms/use-action-form";
import { Dialog } from "@/components/ui/dialog";
import { FormActions } from "@/components/ui/form-actions";
import { Field, FormError, inputClass } from "@/components/ui/field";
import { createDeviceSchema } from "@/lib/devices/schemas";
import { createDeviceAction } from "../actions";
import { OwnerPicker } from "./owner-picker";

// "" is the picker's "No owner yet": the action then gets no ownerId at all.
const formSchema = createDeviceSchema.omit({ orgId: true }).extend({ ownerId: z.string() });

export function AddDeviceDialog({ orgId, orgName, onClose }: { orgId: string; orgName: string; onClose: () => void }) {
  const { form, onSubmit, pending, formError } = useActionForm(formSchema, createDeviceAction, {
    defaultValues: { name: "", model: "", ownerId: "" },
    input: ({ ownerId, ...values }) => ({ orgId, ...values, ...(ownerId ? { ownerId } : {}) }),
    success: (_, values) => `${values.name} added`,
    onSuccess: onClose,
  });
  const { errors } = form.formState;
  const [name, ownerId] = useWatch({ control: form.control, name: ["name", "ownerId"] });

  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title="Add device" description={`A device of ${orgName}: a name, a model and, if you like, its owner.`}>
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <Field id="device-name" label="Name" error={errors.name?.message}>
          <input id="device-name" maxLength={80} className={inputClass} {...form.register("name")} />
        </Field>
        <Field id="device-model" label="Model (optional)" error={errors.model?.message}>
          <input id="device-model" maxLength={80} className={inputClass} {...form.register("model")} />
        </Field>
        <OwnerPicker orgId={orgId} inOrgId={orgId} id="device-owner" label="Owner (optional)" placeholder="No owner yet" value={ownerId} onChange={(id) => form.setValue("ownerId", id)} error={errors.ownerId?.message} />
        <FormError message={formError} />
        <FormActions onCancel={onClose} busy={pending} busyLabel="Adding…" submitLabel="Add device" disabled={!name.trim()} />
      </form>
    </Dialog>
  );
}
