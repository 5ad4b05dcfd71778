"use client";

import { useState } from "react";
import { toast } from "sonner";
import { Dialog } from "@/components/ui/dialog";
import { FormActions } from "@/components/ui/form-actions";
import { Field, FormError, inputClass } from "@/components/ui/field";
import { createDeviceAction } from "../actions";
import { OwnerPicker } from "./owner-picker";

export function AddDeviceDialog({ orgId, orgName, onClose }: { orgId: string; orgName: string; onClose: () => void }) {
  const [name, setName] = useState("");
  const [model, setModel] = useState("");
  const [ownerId, setOwnerId] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setFormError(null);
    const result = await createDeviceAction({ orgId, name, model, ...(ownerId ? { ownerId } : {}) });
    setBusy(false);
    if (!result.ok) {
      setErrors(result.fieldErrors ?? {});
      if (!result.fieldErrors) setFormError(result.message);
      return;
    }
    toast.success(`${name.trim()} added`);
    onClose();
  }

  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title="Add device" description={`A device of ${orgName}: a name, a model and, if you like, its owner.`}>
      <form onSubmit={submit} className="space-y-4" noValidate>
        <Field id="device-name" label="Name" error={errors.name}>
          <input id="device-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={80} className={inputClass} />
        </Field>
        <Field id="device-model" label="Model (optional)" error={errors.model}>
          <input id="device-model" value={model} onChange={(e) => setModel(e.target.value)} maxLength={80} className={inputClass} />
        </Field>
        <OwnerPicker orgId={orgId} inOrgId={orgId} id="device-owner" label="Owner (optional)" placeholder="No owner yet" value={ownerId} onChange={(id) => setOwnerId(id)} error={errors.ownerId} />
        <FormError message={formError} />
        <FormActions onCancel={onClose} busy={busy} busyLabel="Adding…" submitLabel="Add device" disabled={!name.trim()} />
      </form>
    </Dialog>
  );
}
