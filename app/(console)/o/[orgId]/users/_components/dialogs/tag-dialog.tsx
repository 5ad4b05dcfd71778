"use client";

import { useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { FormActions } from "@/components/ui/form-actions";
import { Field, inputClass } from "@/components/ui/field";
import { usersCount } from "@/lib/format/count";
import { useConfirm } from "@/components/forms/use-confirm";

/** Pick or create a tag; users already at five tags are skipped and named in the result. */
export function TagDialog({ count, capped, onConfirm, onClose }: { count: number; capped: boolean; onConfirm: (tag: string) => Promise<void>; onClose: () => void }) {
  const [tag, setTag] = useState("");
  const { busy, submit } = useConfirm(onConfirm);
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title={`Apply a tag to ${usersCount(count, capped)}`} description="A new name creates the tag. Each user can have at most 5 tags.">
      <form
        className="space-y-4"
        onSubmit={submit(tag.trim())}
      >
        <Field id="bulk-tag" label="Tag">
          <input id="bulk-tag" value={tag} maxLength={30} onChange={(e) => setTag(e.target.value)} className={inputClass} />
        </Field>
        <FormActions onCancel={onClose} busy={busy} busyLabel="Applying…" submitLabel="Apply tag" disabled={tag.trim() === ""} />
      </form>
    </Dialog>
  );
}
