"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, FormError, inputClass } from "@/components/ui/field";
import { ownDetailsSchema } from "@/lib/users/schemas";
import { updateOwnDetailsAction } from "./actions";

export function DetailsForm({ name, phone }: { name: string; phone: string | null }) {
  const { form, onSubmit, pending, formError } = useActionForm(ownDetailsSchema, updateOwnDetailsAction, {
    defaultValues: { name, phone: phone ?? "" },
    input: (values) => ({ name: values.name, phone: values.phone ?? undefined }),
    success: "Your details are saved",
    onSuccess: (_, values, form) => form.reset({ name: values.name, phone: values.phone ?? "" }),
    serverErrors: "form",
  });
  const { errors, isDirty } = form.formState;
  return (
    <form method="post" onSubmit={onSubmit} className="grid gap-4 px-6 py-4 sm:grid-cols-[1fr_1fr_auto] sm:items-end" noValidate>
      <Field id="own-name" label="Name" error={errors.name?.message}>
        <input id="own-name" autoComplete="name" aria-invalid={!!errors.name} className={inputClass} {...form.register("name")} />
      </Field>
      <Field id="own-phone" label="Phone" error={errors.phone?.message}>
        <input id="own-phone" type="tel" autoComplete="tel" aria-invalid={!!errors.phone} className={inputClass} {...form.register("phone")} />
      </Field>
      <Button type="submit" disabled={pending || !isDirty}>
        {pending ? "Saving…" : "Save"}
      </Button>
      <div className="sm:col-span-3">
        <FormError message={formError} />
      </div>
    </form>
  );
}
