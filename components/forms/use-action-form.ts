"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path, type UseFormReturn } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import type { ActionResult } from "@/lib/action-result";

type Failure = Extract<ActionResult<unknown>, { ok: false }>;

/** The action's input from the form's parsed values; optional when the values already are it. */
type InputOption<Parsed, Input> = [Parsed] extends [Input] ? { input?: (values: Parsed) => Input } : { input: (values: Parsed) => Input };

type Options<Values extends FieldValues, Parsed, Input, Data> = InputOption<Parsed, Input> & {
  defaultValues: DefaultValues<Values>;
  /** The success toast; none when omitted (the page shows the outcome itself). */
  success?: string | ((data: Data, values: Parsed) => string);
  onSuccess?: (data: Data, values: Parsed, form: UseFormReturn<Values, unknown, Parsed>) => void;
  /**
   * Where the server's field errors go: under their fields, or all as the form's one message
   * (forms whose controls have no error slot).
   */
  serverErrors?: "fields" | "form";
  onFailure?: (failure: Failure) => void;
};

export type ActionForm<Values extends FieldValues, Parsed> = {
  form: UseFormReturn<Values, unknown, Parsed>;
  onSubmit: (event?: React.BaseSyntheticEvent) => Promise<void>;
  pending: boolean;
  /** A refusal no field owns, shown above the form's buttons. */
  formError: string | null;
  /** For a check the schema cannot make (a wizard's step before the last). */
  setFormError: (message: string | null) => void;
};

/**
 * A form bound to a server action: zod validates in the browser with the schema the server
 * re-checks, the server's refusals land on their fields (architecture.md "Errors and input").
 */
export function useActionForm<Values extends FieldValues, Parsed, Input, Data>(
  schema: z.ZodType<Parsed, Values>,
  action: (input: Input) => Promise<ActionResult<Data>>,
  options: Options<Values, Parsed, Input, Data>,
): ActionForm<Values, Parsed> {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values, unknown, Parsed>({ resolver: zodResolver(schema), defaultValues: options.defaultValues });
  const toInput = options.input ?? ((values: Parsed) => values as unknown as Input);

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await action(toInput(values));
    if (result.ok) {
      const { success } = options;
      if (success) toast.success(typeof success === "function" ? success(result.data, values) : success);
      options.onSuccess?.(result.data, values, form);
      return;
    }
    const fieldErrors = options.serverErrors === "form" ? [] : Object.entries(result.fieldErrors ?? {});
    const placed = fieldErrors.filter(([field]) => field in form.getValues());
    for (const [field, message] of placed) form.setError(field as Path<Values>, { message });
    // A refusal with no field of this form to sit on (or about a part of one, "admins.0.email") is said above the buttons.
    const unplaced = fieldErrors.find(([field]) => !(field in form.getValues()));
    if (placed.length === 0) setFormError(result.message);
    else if (unplaced) setFormError(unplaced[1]);
    options.onFailure?.(result);
  });

  return { form, onSubmit, pending: form.formState.isSubmitting, formError, setFormError };
}
