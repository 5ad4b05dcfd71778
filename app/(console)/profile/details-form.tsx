"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Field, FormError, inputClass } from "@/components/ui/field";
import { ownDetailsSchema } from "@/lib/users/schemas";
import { updateOwnDetailsAction } from "./actions";

type Values = z.input<typeof ownDetailsSchema>;
type Parsed = z.output<typeof ownDetailsSchema>;

export function DetailsForm({ name, phone }: { name: string; phone: string | null }) {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values, unknown, Parsed>({ resolver: zodResolver(ownDetailsSchema), defaultValues: { name, phone: phone ?? "" } });
  const { errors, isSubmitting, isDirty } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await updateOwnDetailsAction({ name: values.name, phone: values.phone ?? undefined });
    if (!result.ok) return setFormError(result.message);
    form.reset({ name: values.name, phone: values.phone ?? "" });
    toast.success("Your details are saved");
  });
  return (
    <form method="post" onSubmit={onSubmit} className="grid gap-4 px-6 py-4 sm:grid-cols-[1fr_1fr_auto] sm:items-end" noValidate>
      <Field id="own-name" label="Name" error={errors.name?.message}>
        <input id="own-name" autoComplete="name" aria-invalid={!!errors.name} className={inputClass} {...form.register("name")} />
      </Field>
      <Field id="own-phone" label="Phone" error={errors.phone?.message}>
        <input id="own-phone" type="tel" autoComplete="tel" aria-invalid={!!errors.phone} className={inputClass} {...form.register("phone")} />
      </Field>
      <Button type="submit" disabled={isSubmitting || !isDirty}>
        {isSubmitting ? "Saving…" : "Save"}
      </Button>
      <div className="sm:col-span-3">
        <FormError message={formError} />
      </div>
    </form>
  );
}
