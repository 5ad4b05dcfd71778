"use client";

import { useState } from "react";
import { useConfirm } from "@/components/forms/use-confirm";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/field";
import { FormActions } from "@/components/ui/form-actions";
import type { ActionResult } from "@/lib/action-result";
import type { ChipTag } from "./tag-chip";
import { TagPicker, type PickedTag } from "./tag-picker";
import { useTagList } from "./use-tag-list";

type Props = {
  title: string;
  description: string;
  /** The tags the selection carries. */
  loadTags: () => Promise<ActionResult<ChipTag[]>>;
  onRemove: (tagId: string, label: string) => Promise<void>;
  onClose: () => void;
};

/** Remove tag: one of the tags the selected people or devices carry. */
export function RemoveTagDialog({ title, description, loadTags, onRemove, onClose }: Props) {
  const { data, error } = useTagList(loadTags);
  const tags = data ?? (error ? [] : null);
  const [picked, setPicked] = useState<PickedTag | null>(null);
  const tagId = picked && "id" in picked ? picked.id : null;
  const { busy, submit } = useConfirm(async () => {
    if (tagId) await onRemove(tagId, tags?.find((t) => t.id === tagId)?.name ?? "tag");
  });
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title={title} description={description}>
      <form className="space-y-4" onSubmit={submit(undefined)}>
        <TagPicker id="remove-tag" label="Tag to remove" tags={tags} value={picked} onChange={setPicked} empty="None of them carries a tag." />
        <FormError message={error} />
        <FormActions onCancel={onClose} busy={busy} busyLabel="Removing…" submitLabel="Remove tag" disabled={!tagId} danger />
      </form>
    </Dialog>
  );
}
