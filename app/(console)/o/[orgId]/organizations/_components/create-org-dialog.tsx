"use client";

import { useState } from "react";
import { useFieldArray } from "react-hook-form";
import { z } from "zod";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, FormError, inputClass } from "@/components/ui/field";
import type { SubOrgType } from "@/lib/orgs/schemas";
import { createOrgAction } from "../actions";
import type { OrgTableRow } from "./orgs-view";

// The server checks everything and names the step to go back to; the form only gathers.
const formSchema = z.object({
  name: z.string(),
  description: z.string(),
  type: z.string(),
  canCreateSubOrgs: z.boolean(),
  admins: z.array(z.object({ name: z.string(), email: z.string() })),
});

type Props = { orgId: string; parent: OrgTableRow; orgTypes: { value: string; label: string }[]; planLabel: string; onClose: () => void };

/** Two steps: the org's information, then the people to invite — at least one Admin. */
export function CreateOrgDialog({ orgId, parent, orgTypes, planLabel, onClose }: Props) {
  const [step, setStep] = useState<1 | 2>(1);
  const { form, onSubmit, pending, formError, setFormError } = useActionForm(formSchema, createOrgAction, {
    defaultValues: { name: "", description: "", type: orgTypes[0]?.value ?? "client", canCreateSubOrgs: false, admins: [{ name: "", email: "" }] },
    // The select offers only the plan's sub-org types; the server checks the type again.
    input: ({ admins, type, ...values }) => ({ orgId, parentId: parent.id, ...values, type: type as SubOrgType, admins: admins.filter((a) => a.name || a.email) }),
    success: (_, values) => `${values.name.trim()} created; invitations sent`,
    onSuccess: onClose,
    serverErrors: "form",
    onFailure: (failure) => failure.fieldErrors?.name && setStep(1),
  });
  const admins = useFieldArray({ control: form.control, name: "admins" });

  function next(event: React.FormEvent) {
    event.preventDefault();
    if (form.getValues("name").trim().length < 3) return setFormError("Use at least 3 characters for the name.");
    setFormError(null);
    setStep(2);
  }

  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={`New sub-organization of ${parent.name}`} description={step === 1 ? "Step 1 of 2: about the organization" : "Step 2 of 2: who runs it. Everyone listed is invited as an Admin."}>
      <form onSubmit={step === 1 ? next : onSubmit} className="space-y-4" noValidate>
        {step === 1 ? (
          <>
            <Field id="org-name" label="Name">
              <input id="org-name" maxLength={80} className={inputClass} {...form.register("name")} />
            </Field>
            <Field id="org-description" label="Description (optional)">
              <textarea id="org-description" maxLength={500} rows={2} className={inputClass} {...form.register("description")} />
            </Field>
            <Field id="org-type" label="Type" hint={orgTypes.length === 1 ? `The ${planLabel} plan offers ${orgTypes[0]!.label.toLowerCase()} organizations.` : undefined}>
              <select id="org-type" className={inputClass} {...form.register("type")}>
                {orgTypes.map((t) => (
                  <option key={t.value} value={t.value}>
                    {t.label}
                  </option>
                ))}
              </select>
            </Field>
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" className="accent-brand-600" {...form.register("canCreateSubOrgs")} />
              Can have sub-organizations
            </label>
          </>
        ) : (
          <fieldset className="space-y-3">
            <legend className="text-sm font-medium text-slate-700">Admins to invite</legend>
            {admins.fields.map((a, i) => (
              <div key={a.id} className="grid gap-2 sm:grid-cols-2">
                <input aria-label={`Admin ${i + 1} name`} placeholder="Name" className={inputClass} {...form.register(`admins.${i}.name`)} />
                <input aria-label={`Admin ${i + 1} email`} placeholder="Email" type="email" className={inputClass} {...form.register(`admins.${i}.email`)} />
              </div>
            ))}
            {admins.fields.length < 10 ? (
              <Button variant="ghost" size="sm" onClick={() => admins.append({ name: "", email: "" }, { shouldFocus: false })}>
                + Another Admin
              </Button>
            ) : null}
          </fieldset>
        )}
        <FormError message={formError} />
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
          <Button type="submit" disabled={pending}>
            {step === 1 ? "Next" : pending ? "Creating…" : "Create and send invitations"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
