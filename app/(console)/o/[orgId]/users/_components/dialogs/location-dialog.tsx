"use client";

import { useState } from "react";
import { LocationSelect, NO_LOCATION } from "@/components/forms/location-select";
import type { LocationOption } from "@/components/forms/location-option";
import { useConfirm } from "@/components/forms/use-confirm";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { FormActions } from "@/components/ui/form-actions";
import { usersCount } from "@/lib/format/count";

type Props = { count: number; capped: boolean; locations: readonly LocationOption[]; onConfirm: (locationId: string | null) => Promise<void>; onClose: () => void };

/** The bulk "Set location": one location replaces theirs, or "No location" removes it. */
export function SetLocationDialog({ count, capped, locations, onConfirm, onClose }: Props) {
  // Nothing is suggested: a location given to many people at once is chosen, never defaulted.
  const [choice, setChoice] = useState("");
  const { busy, submit } = useConfirm(onConfirm);
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title={`Set the location of ${usersCount(count, capped)}`} description="It replaces the locations they have. Choose “No location” to remove them.">
      <form className="space-y-4" onSubmit={submit(choice === NO_LOCATION ? null : choice)}>
        <Field id="bulk-location" label="Location">
          <LocationSelect id="bulk-location" locations={locations} placeholder="Choose a location" none="No location" required value={choice} onChange={(e) => setChoice(e.target.value)} />
        </Field>
        <FormActions onCancel={onClose} busy={busy} busyLabel="Setting…" submitLabel="Set location" disabled={!choice} />
      </form>
    </Dialog>
  );
}
