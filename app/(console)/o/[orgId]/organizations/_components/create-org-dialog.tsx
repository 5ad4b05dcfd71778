"use client";

import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, FormError, inputClass } from "@/components/ui/field";
import type { SubOrgType } from "@/lib/orgs/schemas";
import { createOrgAction } from "../actions";
import type { OrgTableRow } from "./orgs-view";

type Props = { orgId: string; parent: OrgTableRow; orgTypes: { value: string; label: string }[]; planLabel: string; onClose: () => void };

/** Two steps: the org's information, then the people to invite — at least one Admin. */
export function CreateOrgDialog({ orgId, parent, orgTypes, planLabel, onClose }: Props) {
  const [step, setStep] = useState<1 | 2>(1);
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [type, setType] = useState(orgTypes[0]?.value ?? "client");
  const [canCreateSubOrgs, setCanCreateSubOrgs] = useState(false);
  const [admins, setAdmins] = useState([{ name: "", email: "" }]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (step === 1) {
      if (name.trim().length < 3) return setError("Use at least 3 characters for the name.");
      setError(null);
      return setStep(2);
    }
    setBusy(true);
    setError(null);
    // The select offers only the plan's sub-org types; the server checks the value again.
    const result = await createOrgAction({ orgId, parentId: parent.id, name, description, type: type as SubOrgType, canCreateSubOrgs, admins: admins.filter((a) => a.name || a.email) });
    setBusy(false);
    if (!result.ok) {
      if (result.fieldErrors?.name) setStep(1);
      return setError(result.message);
    }
    toast.success(`${name.trim()} created; invitations sent`);
    onClose();
  }

  const setAdmin = (i: number, patch: Partial<{ name: string; email: string }>) => setAdmins((list) => list.map((a, j) => (j === i ? { ...a, ...patch } : a)));

  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={`New sub-organization of ${parent.name}`} description={step === 1 ? "Step 1 of 2: about the organization" : "Step 2 of 2: who runs it. Everyone listed is invited as an Admin."}>
      <form onSubmit={submit} className="space-y-4" noValidate>
        {step === 1 ? (
          <>
            <Field id="org-name" label="Name">
              <input id="org-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={80} className={inputClass} />
            </Field>
            <Field id="org-description" label="Description (optional)">
              <textarea id="org-description" value={description} onChange={(e) => setDescription(e.target.value)} maxLength={500} rows={2} className={inputClass} />
            </Field>
            <Field id="org-type" label="Type" hint={orgTypes.length === 1 ? `The ${planLabel} plan offers ${orgTypes[0]!.label.toLowerCase()} organizations.` : undefined}>
              <select id="org-type" value={type} onChange={(e) => setType(e.target.value)} className={inputClass}>
                {orgTypes.map((t) => (
                  <option key={t.value} value={t.value}>
                    {t.label}
                  </option>
                ))}
              </select>
            </Field>
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={canCreateSubOrgs} onChange={(e) => setCanCreateSubOrgs(e.target.checked)} className="accent-brand-600" />
              Can have sub-organizations
            </label>
          </>
        ) : (
          <fieldset className="space-y-3">
            <legend className="text-sm font-medium text-slate-700">Admins to invite</legend>
            {admins.map((a, i) => (
              <div key={i} className="grid gap-2 sm:grid-cols-2">
                <input aria-label={`Admin ${i + 1} name`} placeholder="Name" value={a.name} onChange={(e) => setAdmin(i, { name: e.target.value })} className={inputClass} />
                <input aria-label={`Admin ${i + 1} email`} placeholder="Email" type="email" value={a.email} onChange={(e) => setAdmin(i, { email: e.target.value })} className={inputClass} />
              </div>
            ))}
            {admins.length < 10 ? (
              <Button variant="ghost" size="sm" onClick={() => setAdmins((list) => [...list, { name: "", email: "" }])}>
                + Another Admin
              </Button>
            ) : null}
          </fieldset>
        )}
        <FormError message={error} />
        <div className="flex justify-end gap-2">
          {step === 2 ? (
            <Button variant="secondary" onClick={() => setStep(1)}>
              Back
            </Button>
          ) : (
            <Button variant="secondary" onClick={onClose}>
              Cancel
            </Button>
          )}
          <Button type="submit" disabled={busy}>
            {step === 1 ? "Next" : busy ? "Creating…" : "Create and send invitations"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
