"use client";

import { z } from "zod";
import { useActionForm } from "@/components/forms/use-action-form";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/field";
import { FormActions } from "@/components/ui/form-actions";
import { DEVICE_LOG_DAYS } from "@/lib/users/schemas";
import type { UserTableRow } from "@/lib/users/view-model";
import { sendDeviceLogAction } from "../../actions";

// Radio values are strings; the action takes the number (sendDeviceLogSchema re-checks it).
const formSchema = z.object({ days: z.enum(DEVICE_LOG_DAYS.map(String) as [string, ...string[]]) });

/** Mails the viewer the actions log of a user's devices over a chosen period (issue 21). */
export function DeviceLogDialog({ row, orgId, onClose }: { row: UserTableRow; orgId: string; onClose: () => void }) {
  const { form, onSubmit, pending, formError } = useActionForm(formSchema, sendDeviceLogAction, {
    defaultValues: { days: "30" },
    input: ({ days }) => ({ orgId, userId: row.id, days: Number(days) as (typeof DEVICE_LOG_DAYS)[number] }),
    success: ({ to }) => `Device log sent to ${to}`,
    onSuccess: onClose,
    serverErrors: "form",
  });

  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={`Send the device log of ${row.name}`}
      description="You get an email with a CSV file: what was done to each device they own, that you can see, in the period chosen."
    >
      <form onSubmit={onSubmit} className="space-y-4">
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">Period</legend>
          <div className="mt-2 grid grid-cols-1 gap-2 sm:grid-cols-3">
            {DEVICE_LOG_DAYS.map((days) => (
              <label
                key={days}
                className="flex cursor-pointer items-center gap-2 whitespace-nowrap rounded-md sm:justify-center border border-slate-300 px-3 py-2 text-sm text-slate-700 has-checked:border-brand-600 has-checked:bg-brand-50 has-checked:font-medium has-checked:text-brand-700 has-focus-visible:ring-2 has-focus-visible:ring-brand-500"
              >
                <input type="radio" value={String(days)} {...form.register("days")} className="accent-brand-600" />
                Last {days} days
              </label>
            ))}
          </div>
        </fieldset>
        <FormError message={formError} />
        <FormActions onCancel={onClose} busy={pending} busyLabel="Sending…" submitLabel="Send device log" />
      </form>
    </Dialog>
  );
}
