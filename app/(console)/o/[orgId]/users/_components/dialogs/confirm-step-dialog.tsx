"use client";

import { Dialog } from "@/components/ui/dialog";
import { FormActions } from "@/components/ui/form-actions";
import { useConfirm } from "@/components/forms/use-confirm";
import { usersCount } from "@/lib/format/count";

/** The one-step confirmations (product.md §5 keeps typed DELETE for delete, none for force logout). */
const COPY = {
  suspend: {
    title: (who: string) => `Suspend ${who}?`,
    description: "They are logged out at once and cannot log in until someone reactivates them.",
    submit: "Suspend",
    busy: "Suspending…",
  },
  revoke: {
    title: (who: string) => `Revoke the invitation to ${who}?`,
    description: "The link in the email stops working and the pending user is removed. You can invite them again later.",
    submit: "Revoke invitation",
    busy: "Revoking…",
  },
} as const;

type Props = {
  kind: keyof typeof COPY;
  count: number;
  capped: boolean;
  /** The one row of a single-row action: named in the question. */
  row?: { name: string; email: string };
  onConfirm: () => Promise<void>;
  onClose: () => void;
};

/** "Suspend Sam Stone?" — Cancel or go ahead; the caller runs the action and reports it. */
export function ConfirmStepDialog({ kind, count, capped, row, onConfirm, onClose }: Props) {
  const copy = COPY[kind];
  const who = row ? (kind === "revoke" ? row.email : row.name) : usersCount(count, capped);
  const { busy, submit } = useConfirm(onConfirm);
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title={copy.title(who)} description={copy.description}>
      <form onSubmit={submit(undefined)}>
        <FormActions onCancel={onClose} busy={busy} busyLabel={copy.busy} submitLabel={copy.submit} danger />
      </form>
    </Dialog>
  );
}
