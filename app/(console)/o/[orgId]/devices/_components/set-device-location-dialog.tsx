"use client";

import { useEffect, useState } from "react";
import { toast } from "sonner";
import type { LocationOption } from "@/components/forms/location-option";
import { LocationSelect, NO_LOCATION } from "@/components/forms/location-select";
import { useConfirm } from "@/components/forms/use-confirm";
import { Dialog } from "@/components/ui/dialog";
import { Field, FormError } from "@/components/ui/field";
import { FormActions } from "@/components/ui/form-actions";
import { bulkMessage, changedNothing } from "@/lib/commands/bulk";
import { plural } from "@/lib/orgs/counts";
import { deviceLocationOptionsAction, setDevicesLocationAction } from "../actions";

type Props = {
  orgId: string;
  /** One device (row menu, profile) or many (bulk bar). */
  deviceIds: string[];
  /** A single device's name, for the title and the toast. */
  name?: string;
  onClose: () => void;
  /** After a change was made (the page is revalidated by the action). */
  onDone?: () => void;
};

/**
 * Set or clear the location of 1..N devices. The options (the locations usable in the org shown,
 * inherited ones marked) load when it opens; devices a location does not fit are reported.
 */
export function SetDeviceLocationDialog({ orgId, deviceIds, name, onClose, onDone }: Props) {
  const [locations, setLocations] = useState<LocationOption[] | null>(null);
  const [choice, setChoice] = useState("");
  const [refusal, setRefusal] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void deviceLocationOptionsAction({ orgId }).then((result) => {
      if (!live) return;
      if (result.ok) setLocations(result.data);
      else setRefusal(result.message);
    });
    return () => {
      live = false;
    };
  }, [orgId]);

  const { busy, submit } = useConfirm(async (locationId: string | null) => {
    const result = await setDevicesLocationAction({ orgId, deviceIds, locationId });
    if (!result.ok) return setRefusal(result.message);
    const where = locationId ? `moved to ${locations?.find((l) => l.id === locationId)?.name ?? "the location"}` : "given no location";
    const message = bulkMessage(result.data, { verb: where }, name && deviceIds.length === 1 ? [{ id: deviceIds[0]!, name, email: "" }] : []);
    if (changedNothing(result.data)) return setRefusal(message);
    toast.success(message);
    onClose();
    onDone?.();
  });

  const subject = name && deviceIds.length === 1 ? name : plural(deviceIds.length, "device");
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title={`Set the location of ${subject}`} description="Locations of this organization and of the organizations above it can be used.">
      <form className="space-y-4" onSubmit={submit(choice === NO_LOCATION ? null : choice)}>
        <Field id="device-location" label="Location">
          <LocationSelect id="device-location" locations={locations ?? []} placeholder={locations ? "Choose a location" : "Loading…"} none="No location" required disabled={!locations} value={choice} onChange={(e) => setChoice(e.target.value)} />
        </Field>
        <FormError message={refusal} />
        <FormActions onCancel={onClose} busy={busy} busyLabel="Setting…" submitLabel="Set location" disabled={!choice} />
      </form>
    </Dialog>
  );
}
