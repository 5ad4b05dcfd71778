"use client";

import { useState } from "react";
import { toast } from "sonner";
import { useConfirm } from "@/components/forms/use-confirm";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, FormError, inputClass } from "@/components/ui/field";
import { plural } from "@/lib/orgs/counts";
import { deleteLocationAction } from "../actions";

type Props = { orgId: string; location: { id: string; name: string; devices: number | null; people: number | null }; onClose: () => void; onDeleted?: () => void };

/**
 * Delete a location: a plain confirmation when nobody and nothing is there, the typed DELETE when
 * people or devices would lose it (they are unassigned, never deleted). The server counts again.
 */
export function DeleteLocationDialog({ orgId, location, onClose, onDeleted }: Props) {
  const people = location.people ?? 0;
  const devices = location.devices ?? 0;
  const assigned = people > 0 || devices > 0;
  const [typed, setTyped] = useState("");
  const [refusal, setRefusal] = useState<string | null>(null);
  const { busy, submit } = useConfirm(async () => {
    const result = await deleteLocationAction({ orgId, locationId: location.id, ...(typed === "DELETE" ? { confirm: "DELETE" as const } : {}) });
    if (!result.ok) return setRefusal(result.message);
    const lost = result.data.people + result.data.devices;
    toast.success(lost ? `${location.name} deleted; ${plural(result.data.people, "person", "people")} and ${plural(result.data.devices, "device")} no longer have it` : `${location.name} deleted`);
    onClose();
    onDeleted?.();
  });
  const description = assigned
    ? `${plural(people, "person", "people")} and ${plural(devices, "device")} are at ${location.name}. They stay, without this location. This cannot be undone.`
    : "Nobody and nothing is at this location. This cannot be undone.";

  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={`Delete ${location.name}?`} description={description}>
      <form className="space-y-4" onSubmit={submit(undefined)}>
        {assigned ? (
          <Field id="confirm-delete-location" label="Type DELETE to confirm">
            <input id="confirm-delete-location" autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)} className={inputClass} />
          </Field>
        ) : null}
        <FormError message={refusal} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" variant="danger" disabled={(assigned && typed !== "DELETE") || busy}>
            {busy ? "Deleting…" : "Delete location"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
