"use client";

import { useState } from "react";
import { RoleSelect } from "@/components/forms/role-select";
import { Dialog } from "@/components/ui/dialog";
import { FormActions } from "@/components/ui/form-actions";
import { Field } from "@/components/ui/field";
import { usersCount } from "@/lib/format/count";
import type { RoleOption } from "@/lib/users/page-data";
import { useConfirm } from "@/components/forms/use-confirm";

/** `roles`: the ones the viewer may give (grantableRoles). */
type Props = { count: number; capped: boolean; roles: RoleOption[]; onConfirm: (role: string) => Promise<void>; onClose: () => void };

export function ChangeRoleDialog({ count, capped, roles, onConfirm, onClose }: Props) {
  // Nothing is suggested: a role applied to many people at once is chosen, never defaulted.
  const [role, setRole] = useState("");
  const { busy, submit } = useConfirm(onConfirm);
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title={`Change the role of ${usersCount(count, capped)}`} description="It applies on their next request. Demoting a developer turns developer mode off.">
      <form
        className="space-y-4"
        onSubmit={submit(role)}
      >
        <Field id="bulk-role" label="New role">
          <RoleSelect id="bulk-role" roles={roles} placeholder="Choose a role" required value={role} onChange={(e) => setRole(e.target.value)} />
        </Field>
        <FormActions onCancel={onClose} busy={busy} busyLabel="Changing…" submitLabel="Change role" disabled={!role} />
      </form>
    </Dialog>
  );
}
