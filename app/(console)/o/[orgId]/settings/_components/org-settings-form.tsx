"use client";

import { Controller } from "react-hook-form";
import { z } from "zod";
import { TimeZonePicker } from "@/components/forms/time-zone-picker";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field, inputClass } from "@/components/ui/field";
import { orgSettingsSchema } from "@/lib/orgs/schemas";
import type { TimeZoneOption } from "@/lib/orgs/time-zones";
import { editOrgSettingsAction } from "../actions";
import { SaveRow } from "./save-row";

// The zone is picked from the server's list and checked there: the browser's Intl may know other names.
const formSchema = orgSettingsSchema.omit({ orgId: true }).extend({ timezone: z.string().min(1, "Choose a time zone.") });

type Settings = { name: string; description: string; timezone: string };

/** General: the org's name, description and time zone. */
export function OrgSettingsForm({ orgId, settings, zones }: { orgId: string; settings: Settings; zones: TimeZoneOption[] }) {
  const { form, onSubmit, pending, formError } = useActionForm(formSchema, editOrgSettingsAction, {
    defaultValues: settings,
    input: (values) => ({ orgId, ...values }),
    success: "Organization settings saved",
    onSuccess: (_, values, form) => form.reset(values),
  });
  const { errors, isDirty } = form.formState;

  return (
    <form method="post" onSubmit={onSubmit} className="grid gap-5 px-6 py-5" noValidate>
      <Field id="org-name" label="Name" error={errors.name?.message}>
        <input id="org-name" maxLength={80} autoComplete="organization" aria-invalid={!!errors.name} className={inputClass} {...form.register("name")} />
      </Field>
      <Field id="org-description" label="Description" error={errors.description?.message} hint="Optional, up to 500 characters.">
        <textarea id="org-description" rows={3} maxLength={500} aria-invalid={!!errors.description} className={inputClass} {...form.register("description")} />
      </Field>
      <Field id="org-timezone" label="Time zone" error={errors.timezone?.message} hint="Emails and CSV exports of this organization show times in this zone. New sub-organizations start with it.">
        <Controller
          control={form.control}
          name="timezone"
          render={({ field }) => (
            <TimeZonePicker
              id="org-timezone"
              label="Time zone"
              value={field.value}
              onChange={field.onChange}
              options={zones}
              invalid={!!errors.timezone}
              describedBy={errors.timezone ? "org-timezone-error" : "org-timezone-hint"}
            />
          )}
        />
      </Field>
      <SaveRow error={formError} pending={pending} dirty={isDirty} />
    </form>
  );
}
