"use client";

import { useWatch } from "react-hook-form";
import { z } from "zod";
import { useActionForm } from "@/components/forms/use-action-form";
import { Dialog } from "@/components/ui/dialog";
import { Field, FormError, inputClass } from "@/components/ui/field";
import { FormActions } from "@/components/ui/form-actions";
import type { ActionResult } from "@/lib/action-result";
import { LOCATION_ADDRESS_MAX, LOCATION_NAME_MAX } from "@/lib/locations/schemas";
import { createLocationAction, editLocationAction } from "../actions";

export type EditableLocation = { id: string; name: string; address: string; latitude: number | null; longitude: number | null };

// Coordinates are typed as text; the server's schema (lib/locations/schemas.ts) checks ranges and pairs.
const formSchema = z.object({ name: z.string(), address: z.string(), latitude: z.string(), longitude: z.string() });
const coordinate = (text: string) => (text.trim() === "" ? null : Number(text.trim().replace(",", ".")));
const asText = (n: number | null) => (n === null ? "" : String(n));

/** Add a location to the org shown, or edit one of its own (name, address, optional map pin). */
export function LocationDialog({ orgId, orgName, location, onClose }: { orgId: string; orgName: string; location: EditableLocation | null; onClose: () => void }) {
  const editing = location !== null;
  // One form for both: a location id makes it an edit.
  const save = async ({ locationId, ...input }: Parameters<typeof createLocationAction>[0] & { locationId?: string }): Promise<ActionResult<unknown>> =>
    locationId ? editLocationAction({ ...input, locationId }) : createLocationAction(input);
  const { form, onSubmit, pending, formError } = useActionForm(formSchema, save, {
    defaultValues: { name: location?.name ?? "", address: location?.address ?? "", latitude: asText(location?.latitude ?? null), longitude: asText(location?.longitude ?? null) },
    input: (v) => ({ orgId, ...(location ? { locationId: location.id } : {}), name: v.name, address: v.address, latitude: coordinate(v.latitude), longitude: coordinate(v.longitude) }),
    success: (_, v) => (editing ? `${v.name.trim()} saved` : `${v.name.trim()} added`),
    onSuccess: onClose,
  });
  const { errors } = form.formState;
  const name = useWatch({ control: form.control, name: "name" });

  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={editing ? `Edit ${location.name}` : "Add location"} description={editing ? undefined : `A place of ${orgName} where people work and devices stand; its sub-organizations can use it too.`}>
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <Field id="location-name" label="Name" error={errors.name?.message}>
          <input id="location-name" autoComplete="off" maxLength={LOCATION_NAME_MAX} aria-invalid={!!errors.name} className={inputClass} {...form.register("name")} />
        </Field>
        <Field id="location-address" label="Address (optional)" error={errors.address?.message}>
          <textarea id="location-address" rows={2} maxLength={LOCATION_ADDRESS_MAX} aria-invalid={!!errors.address} className={inputClass} {...form.register("address")} />
        </Field>
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">Map pin (optional)</legend>
          <p className="text-xs text-slate-500">Decimal degrees, both or neither: latitude −90 to 90, longitude −180 to 180.</p>
          <div className="mt-1 grid gap-3 sm:grid-cols-2">
            <Field id="location-latitude" label="Latitude" error={errors.latitude?.message}>
              <input id="location-latitude" inputMode="decimal" autoComplete="off" placeholder="52.52" aria-invalid={!!errors.latitude} className={inputClass} {...form.register("latitude")} />
            </Field>
            <Field id="location-longitude" label="Longitude" error={errors.longitude?.message}>
              <input id="location-longitude" inputMode="decimal" autoComplete="off" placeholder="13.405" aria-invalid={!!errors.longitude} className={inputClass} {...form.register("longitude")} />
            </Field>
          </div>
        </fieldset>
        <FormError message={formError} />
        <FormActions onCancel={onClose} busy={pending} busyLabel={editing ? "Saving…" : "Adding…"} submitLabel={editing ? "Save" : "Add location"} disabled={!name.trim()} />
      </form>
    </Dialog>
  );
}
