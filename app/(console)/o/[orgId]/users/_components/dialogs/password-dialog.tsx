"use client";

import { useState } from "react";
import { toast } from "sonner";
import { Dialog } from "@/components/ui/dialog";
import { FormActions } from "@/components/ui/form-actions";
import { Field, inputClass } from "@/components/ui/field";
import type { UserTableRow } from "@/lib/users/view-model";
import { setUserPasswordAction } from "../../actions";

/** An admin sets another user's password: a deliberate, warned step (security.md C5). */
export function PasswordDialog({ row, orgId, onClose }: { row: UserTableRow; orgId: string; onClose: () => void }) {
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await setUserPasswordAction({ orgId, userId: row.id, password });
    setBusy(false);
    if (!result.ok) return setError(result.fieldErrors?.password ?? result.message);
    toast.success(`Password changed for ${row.name}; they have been logged out and told by email`);
    onClose();
  }

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title={`Change password for ${row.name}`}>
      <form onSubmit={submit} className="space-y-4" noValidate>
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {row.name} will be logged out everywhere and told by email. Prefer letting them reset it themselves from the login page when you can.
        </p>
        <Field id="admin-new-password" label="New password" error={error ?? undefined} hint="At least 8 characters.">
          <input id="admin-new-password" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} className={inputClass} aria-invalid={!!error} />
        </Field>
        <FormActions onCancel={onClose} busy={busy} busyLabel="Changing…" submitLabel="Change password" disabled={password.length === 0} />
      </form>
    </Dialog>
  );
}
