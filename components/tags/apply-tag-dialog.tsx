"use client";

import { useState } from "react";
import { useConfirm } from "@/components/forms/use-confirm";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/field";
import { FormActions } from "@/components/ui/form-actions";
import type { ActionResult } from "@/lib/action-result";
import type { TagChoice, TagColor } from "@/lib/tags/schemas";
import { ColorPicker } from "./color-picker";
import type { ChipTag } from "./tag-chip";
import { TagPicker, type PickedTag } from "./tag-picker";
import { useTagList } from "./use-tag-list";

type Props = {
  title: string;
  /** What is tagged, and the five-tag rule, in a sentence. */
  description: string;
  /** The tenant's tags, and whether the viewer may create one (tags.manage): "Create “x”". */
  loadChoices: () => Promise<ActionResult<{ tags: ChipTag[]; canCreate: boolean }>>;
  /** Runs the action and reports its outcome; the caller closes the dialog on success. */
  onApply: (tag: TagChoice, label: string) => Promise<void>;
  onClose: () => void;
};

/** Apply tag: pick one of the tenant's tags, or create one by name with a colour. */
export function ApplyTagDialog({ title, description, loadChoices, onApply, onClose }: Props) {
  const { data, error } = useTagList(loadChoices);
  const tags = data?.tags ?? (error ? [] : null);
  const canCreate = data?.canCreate ?? false;
  const [picked, setPicked] = useState<PickedTag | null>(null);
  const [color, setColor] = useState<TagColor>("slate");
  const { busy, submit } = useConfirm(async () => {
    if (!picked) return;
    const label = "id" in picked ? (tags?.find((t) => t.id === picked.id)?.name ?? "tag") : picked.name;
    await onApply("id" in picked ? picked : { name: picked.name, color }, label);
  });
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title={title} description={description}>
      <form className="space-y-4" onSubmit={submit(undefined)}>
        <TagPicker id="apply-tag" label="Tag" tags={tags} value={picked} onChange={setPicked} canCreate={canCreate} empty={canCreate ? "No tags yet: type a name to create one." : "No tags yet."} />
        {picked && "name" in picked ? <ColorPicker name="apply-tag-color" value={color} onChange={setColor} /> : null}
        <FormError message={error} />
        <FormActions onCancel={onClose} busy={busy} busyLabel="Applying…" submitLabel={picked && "name" in picked ? "Create and apply" : "Apply tag"} disabled={!picked} />
      </form>
    </Dialog>
  );
}
