"use client";

import { useState } from "react";
import { useWatch } from "react-hook-form";
import { z } from "zod";
import { OrgSelect } from "@/components/forms/org-select";
import { useActionForm } from "@/components/forms/use-action-form";
import { Dialog } from "@/components/ui/dialog";
import { FormActions } from "@/components/ui/form-actions";
import { Field, FormError } from "@/components/ui/field";
import type { OwnerOption } from "@/lib/devices/owners";
import type { OrgOption } from "@/lib/users/page-data";
import { transferDeviceAction } from "../actions";
import type { DeviceTableRow } from "./devices-view";
import { OwnerPicker } from "./owner-picker";

const MODES = [
  ["owner", "Give it to someone in this organization"],
  ["move", "Move it to a sub-organization, with a new owner there"],
  ["clear", "Clear the owner"],
] as const;

// The server checks the owner and the destination; the form only gathers them.
const formSchema = z.object({ mode: z.enum(["owner", "move", "clear"]), destination: z.string(), ownerId: z.string() });

/** What the dialog needs of a device: a table row or the device profile. */
export type TransferredDevice = Pick<DeviceTableRow, "id" | "name" | "orgId" | "orgName" | "ownerId" | "ownerName">;

/** Change the owner, move to a sub-org with a new owner there, or clear the owner (product.md §5). */
export function TransferDeviceDialog({ orgId, device, orgs, onClose }: { orgId: string; device: TransferredDevice; orgs: OrgOption[]; onClose: () => void }) {
  const [chosen, setChosen] = useState<OwnerOption | null>(null);
  const { form, onSubmit, pending, formError } = useActionForm(formSchema, transferDeviceAction, {
    defaultValues: { mode: "owner", destination: orgs.find((o) => o.id !== device.orgId)?.id ?? "", ownerId: "" },
    input: ({ mode, destination, ownerId }) => ({
      orgId,
      deviceId: device.id,
      newOwnerId: mode === "clear" ? null : ownerId,
      ...(mode === "move" ? { destinationOrgId: destination } : {}),
    }),
    success: (_, { mode }) => (mode === "clear" ? `${device.name} has no owner now` : `${device.name} transferred to ${chosen?.name ?? "its new owner"}`),
    onSuccess: onClose,
    serverErrors: "form",
  });
  const [mode, destination, ownerId] = useWatch({ control: form.control, name: ["mode", "destination", "ownerId"] });
  const destOrg = mode === "move" ? destination : device.orgId;
  const minDepth = Math.min(...orgs.map((o) => o.depth));

  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={`Transfer ${device.name}`} description={`Now in ${device.orgName}${device.ownerName ? `, owned by ${device.ownerName}` : ", without an owner"}.`}>
      <form onSubmit={onSubmit} className="space-y-4">
        <div role="radiogroup" aria-label="Kind of transfer" className="space-y-1.5 text-sm">
          {MODES.map(([value, label]) => (
            <label key={value} className="flex items-center gap-2">
              <input type="radio" checked={mode === value} onChange={() => { form.setValue("mode", value); form.setValue("ownerId", ""); }} className="accent-brand-600" />
              {label}
            </label>
          ))}
        </div>
        {mode === "move" ? (
          <Field id="device-destination" label="Destination organization">
            <OrgSelect id="device-destination" orgs={orgs.filter((o) => o.id !== device.orgId)} baseDepth={minDepth} value={destination} onChange={(e) => { form.setValue("destination", e.target.value); form.setValue("ownerId", ""); }} />
          </Field>
        ) : null}
        {mode !== "clear" && destOrg ? (
          <OwnerPicker
            key={destOrg}
            orgId={orgId}
            inOrgId={destOrg}
            id="device-new-owner"
            label="New owner"
            placeholder="Choose a person"
            value={ownerId}
            onChange={(id, owner) => {
              form.setValue("ownerId", id);
              setChosen(owner);
            }}
            exclude={device.ownerId ?? undefined}
            loggedInOnly
          />
        ) : null}
        <FormError message={formError} />
        <FormActions onCancel={onClose} busy={pending} busyLabel="Transferring…" submitLabel="Transfer" disabled={(mode !== "clear" && !ownerId)} />
      </form>
    </Dialog>
  );
}
