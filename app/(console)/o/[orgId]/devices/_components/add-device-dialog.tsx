"use client";

import { useWatch } from "react-hook-form";
import { z } from "zod";
import type { LocationOption } from "@/components/forms/location-option";
import { LocationSelect, NO_LOCATION } from "@/components/forms/location-select";
import { useActionForm } from "@/components/forms/use-action-form";
import { Dialog } from "@/components/ui/dialog";
import { FormActions } from "@/components/ui/form-actions";
import { Field, FormError, inputClass } from "@/components/ui/field";
import { createDeviceSchema } from "@/lib/devices/schemas";
import { createDeviceAction } from "../actions";
import { OwnerPicker } from "./owner-picker";

// "" is the pickers' "No owner yet" and "No location": the action then gets no ownerId or locationId at all.
const formSchema = createDeviceSchema.omit({ orgId: true }).extend({ ownerId: z.string(), locationId: z.string() });

/** `locations`: the ones usable in the org (own and inherited); the field shows only when there are some. */
export function AddDeviceDialog({ orgId, orgName, locations, onClose }: { orgId: string; orgName: string; locations: readonly LocationOption[]; onClose: () => void }) {
  const { form, onSubmit, pending, formError } = useActionForm(formSchema, createDeviceAction, {
    defaultValues: { name: "", model: "", ownerId: "", locationId: "" },
    input: ({ ownerId, locationId, ...values }) => ({ orgId, ...values, ...(ownerId ? { ownerId } : {}), ...(locationId ? { locationId } : {}) }),
    success: (_, values) => `${values.name} added`,
    onSuccess: onClose,
  });
  const { errors } = form.formState;
  const [name, ownerId] = useWatch({ control: form.control, name: ["name", "ownerId"] });

  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title="Add device" description={`A device of ${orgName}: a name, a model and, if you like, its owner and location.`}>
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <Field id="device-name" label="Name" error={errors.name?.message}>
          <input id="device-name" maxLength={80} className={inputClass} {...form.register("name")} />
        </Field>
        <Field id="device-model" label="Model (optional)" error={errors.model?.message}>
          <input id="device-model" maxLength={80} className={inputClass} {...form.register("model")} />
        </Field>
        <OwnerPicker orgId={orgId} inOrgId={orgId} id="device-owner" label="Owner (optional)" placeholder="No owner yet" value={ownerId} onChange={(id) => form.setValue("ownerId", id)} error={errors.ownerId?.message} />
        {locations.length ? (
          <Field id="device-location" label="Location (optional)" error={errors.locationId?.message}>
            <LocationSelect id="device-location" locations={locations} none="No location" {...form.register("locationId", { setValueAs: (v: string) => (v === NO_LOCATION ? "" : v) })} />
          </Field>
        ) : null}
        <FormError message={formError} />
        <FormActions onCancel={onClose} busy={pending} busyLabel="Adding…" submitLabel="Add device" disabled={!name.trim()} />
      </form>
    </Dialog>
  );
}
