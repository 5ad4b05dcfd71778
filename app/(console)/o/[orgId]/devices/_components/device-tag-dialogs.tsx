"use client";

import { toast } from "sonner";
import { ApplyTagDialog } from "@/components/tags/apply-tag-dialog";
import { RemoveTagDialog } from "@/components/tags/remove-tag-dialog";
import type { ActionResult } from "@/lib/action-result";
import { bulkMessage, changedNothing, type BulkResult, type Outcome } from "@/lib/commands/bulk";
import { countLabel } from "@/lib/format/count";
import { applyDeviceTagAction, deviceTagChoicesAction, deviceTagsCarriedAction, removeDeviceTagAction } from "../actions";

type Props = {
  orgId: string;
  deviceIds: string[];
  onClose: () => void;
  /** After a change was made, instead of onClose (the bulk bar clears its ticks). */
  onDone?: () => void;
};

const devicesLabel = (n: number) => (n === 1 ? "1 device" : `${countLabel(n, false)} devices`);

/** The toast of a tag action on devices; closes the dialog when something changed. */
function report(result: ActionResult<BulkResult>, outcome: Outcome, done: () => void): void {
  if (!result.ok) return void toast.error(result.message);
  const message = bulkMessage(result.data, outcome);
  if (changedNothing(result.data)) return void toast.warning(message);
  toast.success(message);
  done();
}

/** Apply tag to devices: the tenant's tags, or a new one; devices at five tags are skipped and named. */
export function ApplyDeviceTagDialog({ orgId, deviceIds, onClose, onDone = onClose }: Props) {
  return (
    <ApplyTagDialog
      title={`Apply a tag to ${devicesLabel(deviceIds.length)}`}
      description="Each device can have at most 5 tags; any at 5 is skipped."
      loadChoices={() => deviceTagChoicesAction({ orgId })}
      onApply={async (tag, label) => report(await applyDeviceTagAction({ orgId, deviceIds, tag }), { verb: `tagged ${label}` }, onDone)}
      onClose={onClose}
    />
  );
}

/** Remove tag from devices: the tags they carry. */
export function RemoveDeviceTagDialog({ orgId, deviceIds, onClose, onDone = onClose }: Props) {
  return (
    <RemoveTagDialog
      title={`Remove a tag from ${devicesLabel(deviceIds.length)}`}
      description="Only the tags they carry are offered. The tag itself stays in Settings → Tags."
      loadTags={() => deviceTagsCarriedAction({ orgId, deviceIds })}
      onRemove={async (tagId, label) => report(await removeDeviceTagAction({ orgId, deviceIds, tagId }), { verb: `no longer tagged ${label}` }, onDone)}
      onClose={onClose}
    />
  );
}
