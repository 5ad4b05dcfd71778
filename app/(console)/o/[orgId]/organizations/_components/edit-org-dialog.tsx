"use client";

import { useState } from "react";
import { toast } from "sonner";
import { Dialog } from "@/components/ui/dialog";
import { FormActions } from "@/components/ui/form-actions";
import { Field, FormError, inputClass } from "@/components/ui/field";
import { editOrgAction } from "../actions";
import type { OrgTableRow } from "./orgs-view";

export function EditOrgDialog({ orgId, org, onClose }: { orgId: string; org: OrgTableRow; onClose: () => void }) {
  const [name, setName] = useState(org.name);
  const [description, setDescription] = useState(org.description);
  const [canCreateSubOrgs, setCanCreateSubOrgs] = useState(org.canCreateSubOrgs);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await editOrgAction({ orgId, targetOrgId: org.id, name, description, canCreateSubOrgs });
    setBusy(false);
    if (!result.ok) {
      setErrors(result.fieldErrors ?? {});
      setFormError(result.fieldErrors ? null : result.message);
      return;
    }
    toast.success(`${name.trim()} saved`);
    onClose();
  }

  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={`Edit ${org.name}`}>
      <form onSubmit={submit} className="space-y-4" noValidate>
        <Field id="org-edit-name" label="Name" error={errors.name}>
          <input id="org-edit-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={80} className={inputClass} />
        </Field>
        <Field id="org-edit-description" label="Description" error={errors.description}>
          <textarea id="org-edit-description" value={description} onChange={(e) => setDescription(e.target.value)} maxLength={500} rows={3} className={inputClass} />
        </Field>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={canCreateSubOrgs} onChange={(e) => setCanCreateSubOrgs(e.target.checked)} className="accent-brand-600" />
          Can have sub-organizations
        </label>
        <FormError message={formError} />
        <FormActions onCancel={onClose} busy={busy} busyLabel="Saving…" submitLabel="Save" />
      </form>
    </Dialog>
  );
}
