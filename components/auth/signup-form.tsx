"use client";

import { useState } from "react";
import { useWatch } from "react-hook-form";
import { z } from "zod";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, FormError, inputClass } from "@/components/ui/field";
import type { ActionResult } from "@/lib/action-result";
import { CHECK_EMAIL } from "@/lib/signup/messages";
import { signupFormSchema } from "@/lib/signup/schemas";
import { PasswordStrength } from "./password-strength";

type Values = { name: string; email: string; password: string; orgName: string };
type Props =
  | { joining?: undefined; action: (input: Values) => Promise<ActionResult<unknown>> }
  /** Self-registration: no organization field; the handle names the tenant joined. */
  | { joining: { handle: string; domains: readonly string[] }; action: (input: Omit<Values, "orgName"> & { handle: string }) => Promise<ActionResult<unknown>> };

// Joining asks no organization name: the form keeps the field, empty and unshown.
const joinSchema = signupFormSchema.extend({ orgName: z.literal("") });

/** The sign-up form of /signup and /join/<handle>; the answer is the same for every address. */
export function SignupForm(props: Props) {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { form, onSubmit, pending, formError } = useActionForm(
    props.joining ? joinSchema : signupFormSchema,
    (values: Values) => (props.joining ? props.action({ name: values.name, email: values.email, password: values.password, handle: props.joining.handle }) : props.action(values)),
    { defaultValues: { name: "", email: "", password: "", orgName: "" }, onSuccess: (_, values) => setSentTo(values.email) },
  );
  const { errors } = form.formState;
  const password = useWatch({ control: form.control, name: "password" });

  if (sentTo) {
    return (
      <div role="status" className="mt-6 rounded-md bg-emerald-50 px-3 py-3 text-sm text-emerald-800">
        <p className="font-medium">{CHECK_EMAIL}</p>
        <p className="mt-1">We sent a link to {sentTo}. It works once, for 24 hours.</p>
      </div>
    );
  }
  const domains = props.joining?.domains ?? [];
  return (
    <form method="post" onSubmit={onSubmit} className="mt-6 space-y-4" noValidate>
      <Field id="name" label="Your name" error={errors.name?.message}>
        <input id="name" autoComplete="name" aria-invalid={!!errors.name} className={inputClass} {...form.register("name")} />
      </Field>
      <Field id="email" label="Work email" error={errors.email?.message} hint={domains.length ? `An address at ${domains.join(" or ")}.` : undefined}>
        <input id="email" type="email" autoComplete="email" aria-invalid={!!errors.email} className={inputClass} {...form.register("email")} />
      </Field>
      <Field id="password" label="Password" error={errors.password?.message} hint={<PasswordStrength password={password} />}>
        <input id="password" type="password" autoComplete="new-password" aria-invalid={!!errors.password} className={inputClass} {...form.register("password")} />
      </Field>
      {props.joining ? null : (
        <Field id="orgName" label="Organization name" error={errors.orgName?.message}>
          <input id="orgName" autoComplete="organization" aria-invalid={!!errors.orgName} className={inputClass} {...form.register("orgName")} />
        </Field>
      )}
      <FormError message={formError} />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Signing up…" : props.joining ? "Sign up" : "Create my organization"}
      </Button>
    </form>
  );
}
