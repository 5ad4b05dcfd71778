"use client";

import { toast } from "sonner";
import { z } from "zod";
import { RoleSelect } from "@/components/forms/role-select";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import type { SelfSignupSettings } from "@/lib/tenants/join-settings";
import { domainsFromText, joinDomainsSchema, selfSignupSchema } from "@/lib/tenants/schemas";
import { updateSelfSignupAction } from "../actions";
import { SaveRow } from "./save-row";
import { SwitchTrack } from "./switch-track";

// The domains are typed in one box; the schema the server checks reads them from it.
const formSchema = selfSignupSchema.omit({ orgId: true }).extend({ domains: z.string().max(6000).transform(domainsFromText).pipe(joinDomainsSchema) });

type Values = z.input<typeof formSchema>;
const valuesOf = (s: { enabled: boolean; role: string; domains: readonly string[]; handle: string }): Values => ({ enabled: s.enabled, role: s.role, domains: s.domains.join("\n"), handle: s.handle });

export function SelfSignupForm({ orgId, settings }: { orgId: string; settings: SelfSignupSettings }) {
  const { form, onSubmit, pending, formError } = useActionForm(formSchema, updateSelfSignupAction, {
    defaultValues: valuesOf({ ...settings, handle: settings.proposedHandle }),
    input: (values) => ({ orgId, ...values }),
    success: (_, values) => (values.enabled ? "Self sign-up is on" : "Self sign-up is off"),
    onSuccess: (_, values, form) => form.reset(valuesOf(values)),
  });
  const { errors, isDirty } = form.formState;
  const enabled = form.watch("enabled");
  const handle = form.watch("handle");

  return (
    <form method="post" onSubmit={onSubmit} className="divide-y divide-slate-100" noValidate>
      <label className="flex cursor-pointer items-center justify-between gap-4 px-6 py-4">
        <span className="text-sm">
          <span id="join-enabled-label" className="block font-medium text-slate-900">
            People can sign up themselves
          </span>
          <span id="join-enabled-hint" className="block text-slate-500">
            Anyone who opens the link, with an email at an allowed domain, gets an account in the root organization.
          </span>
        </span>
        <input type="checkbox" role="switch" aria-labelledby="join-enabled-label" aria-describedby="join-enabled-hint" className="peer sr-only" {...form.register("enabled")} />
        <span className="rounded-full peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-600">
          <SwitchTrack on={enabled} />
        </span>
      </label>

      <div className="grid gap-5 px-6 py-5">
        <Field id="join-role" label="Role new members get" error={errors.role?.message} hint="Admin is never offered: nobody becomes an Admin by signing up.">
          <RoleSelect id="join-role" roles={settings.roles} aria-invalid={!!errors.role} {...form.register("role")} />
        </Field>

        <Field id="join-domains" label="Allowed email domains" error={errors.domains?.message} hint="One per line, like example.com. Leave it empty to accept any email address.">
          <textarea id="join-domains" rows={3} placeholder="example.com" spellCheck={false} aria-invalid={!!errors.domains} className={`${inputClass} font-mono`} {...form.register("domains")} />
        </Field>

        <Field id="join-handle" label="Join link" error={errors.handle?.message} hint="3–40 lower-case letters, digits and hyphens. Changing it stops the old link from working.">
          <div className="mt-1 flex rounded-md shadow-xs">
            <span className="inline-flex items-center rounded-l-md border border-r-0 border-slate-300 bg-slate-50 px-3 text-sm text-slate-500">{settings.joinUrlPrefix}</span>
            <input id="join-handle" autoComplete="off" spellCheck={false} maxLength={40} aria-invalid={!!errors.handle} className="block w-full min-w-0 rounded-r-md border border-slate-300 px-3 py-2 text-sm focus:border-brand-500 aria-[invalid=true]:border-red-500" {...form.register("handle")} />
          </div>
        </Field>

        <JoinLink url={settings.joinUrl} live={settings.enabled} changed={settings.handle !== null && handle !== settings.handle} />
        <SaveRow error={formError} pending={pending} dirty={isDirty} />
      </div>
    </form>
  );
}

/** The saved link, ready to share, and whether it works right now. */
function JoinLink({ url, live, changed }: { url: string | null; live: boolean; changed: boolean }) {
  if (!url) return <p className="text-sm text-slate-500">The link works once you turn self sign-up on and save.</p>;
  return (
    <div className="rounded-lg border border-slate-200 bg-slate-50 px-4 py-3 text-sm">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${live ? "bg-emerald-100 text-emerald-800" : "bg-slate-200 text-slate-700"}`}>{live ? "On" : "Off"}</span>
        <a href={url} target="_blank" rel="noreferrer" data-testid="join-link" className="min-w-0 break-all font-mono text-slate-900 underline-offset-2 hover:underline">
          {url}
        </a>
        <Button
          variant="secondary"
          size="sm"
          className="ml-auto"
          onClick={() => {
            void navigator.clipboard?.writeText(url).then(
              () => toast.success("Join link copied"),
              () => toast.error("Could not copy the link"),
            );
          }}
        >
          Copy link
        </Button>
      </div>
      <p className="mt-2 text-slate-500">{changed ? "Save to move the link to the new handle." : live ? "Share it with the people who should join." : "Off: nobody can join through the link until you turn self sign-up back on."}</p>
    </div>
  );
}
