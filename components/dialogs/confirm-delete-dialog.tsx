"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, FormError, inputClass } from "@/components/ui/field";
import { countLabel } from "@/lib/format/count";
import { useConfirm } from "@/components/forms/use-confirm";

type Props = {
  count: number;
  /** The count stopped at its cap ("all matching" past 10,000): said as "10,000+". */
  capped?: boolean;
  /** One user's name for a single delete. */
  name?: string;
  /** Resolves to the server's refusal, if any, which the dialog shows inline. */
  onConfirm: (devices: "to_me" | "unowned") => Promise<string | void>;
  onClose: () => void;
  /** Users get a choice about their devices; devices do not. */
  noun?: "user" | "device" | "organization";
};

/** "Are you sure you want to delete N users?" plus a typed DELETE (product.md §5). */
export function ConfirmDeleteDialog({ count, capped = false, name, onConfirm, onClose, noun = "user" }: Props) {
  const [typed, setTyped] = useState("");
  const [devices, setDevices] = useState<"to_me" | "unowned">("to_me");
  const [refusal, setRefusal] = useState<string | null>(null);
  const { busy, submit } = useConfirm(async (choice: "to_me" | "unowned") => setRefusal((await onConfirm(choice)) ?? null));
  const counted = `${countLabel(count, capped)} ${count === 1 && !capped ? noun : `${noun}s`}`;
  const title = name ? `Delete ${name}?` : `Are you sure you want to delete ${counted}?`;
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title={title} description="This cannot be undone. The audit log keeps a record.">
      <form
        className="space-y-4"
        onSubmit={submit(devices)}
      >
        {noun === "user" ? (
        <fieldset className="space-y-1.5 text-sm">
          <legend className="font-medium text-slate-700">Their devices</legend>
          <label className="flex items-center gap-2">
            <input type="radio" name="devices" checked={devices === "to_me"} onChange={() => setDevices("to_me")} className="accent-brand-600" />
            Pass them to me
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="devices" checked={devices === "unowned"} onChange={() => setDevices("unowned")} className="accent-brand-600" />
            Leave them without an owner
          </label>
        </fieldset>
        ) : null}
        <Field id="confirm-delete" label="Type DELETE to confirm">
          <input id="confirm-delete" autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)} className={inputClass} />
        </Field>
        <FormError message={refusal} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" variant="danger" disabled={typed !== "DELETE" || busy}>
            {busy ? "Deleting…" : name ? `Delete ${noun}` : `Delete ${counted}`}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
