"use client";

import { useState } from "react";
import { toast } from "sonner";
import { OrgSelect } from "@/components/forms/org-select";
import { Dialog } from "@/components/ui/dialog";
import { FormActions } from "@/components/ui/form-actions";
import { Field, FormError } from "@/components/ui/field";
import type { OwnerOption } from "@/lib/devices/owners";
import type { OrgOption } from "@/lib/users/page-data";
import { transferDeviceAction } from "../actions";
import type { DeviceTableRow } from "./devices-view";
import { OwnerPicker } from "./owner-picker";

type Mode = "owner" | "move" | "clear";

/** Change the owner, move to a sub-org with a new owner there, or clear the owner (product.md §5). */
export function TransferDeviceDialog({ orgId, device, orgs, onClose }: { orgId: string; device: DeviceTableRow; orgs: OrgOption[]; onClose: () => void }) {
  const [mode, setMode] = useState<Mode>("owner");
  const [destination, setDestination] = useState(orgs.find((o) => o.id !== device.orgId)?.id ?? "");
  const destOrg = mode === "move" ? destination : device.orgId;
  const [ownerId, setOwnerId] = useState("");
  const [chosen, setChosen] = useState<OwnerOption | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const minDepth = Math.min(...orgs.map((o) => o.depth));

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await transferDeviceAction({
      orgId,
      deviceId: device.id,
      newOwnerId: mode === "clear" ? null : ownerId,
      ...(mode === "move" ? { destinationOrgId: destination } : {}),
    });
    setBusy(false);
    if (!result.ok) return setError(result.message);
    toast.success(mode === "clear" ? `${device.name} has no owner now` : `${device.name} transferred to ${chosen?.name ?? "its new owner"}`);
    onClose();
  }

  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={`Transfer ${device.name}`} description={`Now in ${device.orgName}${device.ownerName ? `, owned by ${device.ownerName}` : ", without an owner"}.`}>
      <form onSubmit={submit} className="space-y-4">
        <div role="radiogroup" aria-label="Kind of transfer" className="space-y-1.5 text-sm">
          {(
            [
              ["owner", "Give it to someone in this organization"],
              ["move", "Move it to a sub-organization, with a new owner there"],
              ["clear", "Clear the owner"],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="flex items-center gap-2">
              <input type="radio" checked={mode === value} onChange={() => { setMode(value); setOwnerId(""); }} className="accent-brand-600" />
              {label}
            </label>
          ))}
        </div>
        {mode === "move" ? (
          <Field id="device-destination" label="Destination organization">
            <OrgSelect id="device-destination" orgs={orgs.filter((o) => o.id !== device.orgId)} baseDepth={minDepth} value={destination} onChange={(e) => { setDestination(e.target.value); setOwnerId(""); }} />
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
              setOwnerId(id);
              setChosen(owner);
            }}
            exclude={device.ownerId ?? undefined}
            loggedInOnly
          />
        ) : null}
        <FormError message={error} />
        <FormActions onCancel={onClose} busy={busy} busyLabel="Transferring…" submitLabel="Transfer" disabled={(mode !== "clear" && !ownerId)} />
      </form>
    </Dialog>
  );
}
