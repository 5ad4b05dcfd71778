"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, inputClass } from "@/components/ui/field";

/** Pick or create a tag; users already at five tags are skipped and named in the result. */
export function TagDialog({ count, onConfirm, onClose }: { count: number; onConfirm: (tag: string) => Promise<void>; onClose: () => void }) {
  const [tag, setTag] = useState("");
  const [busy, setBusy] = useState(false);
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title={`Apply a tag to ${count.toLocaleString("en")} ${count === 1 ? "user" : "users"}`} description="A new name creates the tag. Each user can have at most 5 tags.">
      <form
        className="space-y-4"
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          await onConfirm(tag.trim());
          setBusy(false);
        }}
      >
        <Field id="bulk-tag" label="Tag">
          <input id="bulk-tag" value={tag} maxLength={30} onChange={(e) => setTag(e.target.value)} className={inputClass} />
        </Field>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" disabled={busy || tag.trim() === ""}>
            {busy ? "Applying…" : "Apply tag"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
