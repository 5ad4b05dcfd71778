"use client";

import { useState } from "react";
import { toast } from "sonner";
import { OrgSelect } from "@/components/forms/org-select";
import { RoleSelect } from "@/components/forms/role-select";
import { Dialog } from "@/components/ui/dialog";
import { FormActions } from "@/components/ui/form-actions";
import { Field, FormError, inputClass } from "@/components/ui/field";
import type { RoleOption } from "@/lib/users/page-data";
import type { UserTableRow } from "@/lib/users/view-model";
import { transferUserAction } from "../../actions";
import { useOrgOptions } from "../use-org-options";

type Props = { row: UserTableRow; orgId: string; roles: RoleOption[]; canMakeAdmin: boolean; onClose: () => void };

/** Move a user to another org in reach, chosen from the tree or by the email of an Admin there. */
export function TransferDialog({ row, orgId, roles, canMakeAdmin, onClose }: Props) {
  const orgs = useOrgOptions(orgId, true);
  const destinations = (orgs ?? []).filter((o) => o.id !== row.orgId);
  const [by, setBy] = useState<"org" | "admin">("org");
  const [picked, setDestOrg] = useState("");
  // The first destination until one is picked (the list arrives after the dialog opens).
  const destOrg = picked || destinations[0]?.id || "";
  const [adminEmail, setAdminEmail] = useState("");
  const [role, setRole] = useState(row.role === "admin" && !canMakeAdmin ? "user" : row.role);
  const [moveDevices, setMoveDevices] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const minDepth = Math.min(...(orgs ?? []).map((o) => o.depth));

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setError(null);
    setBusy(true);
    const destination = by === "org" ? { orgId: destOrg } : { adminEmail };
    const result = await transferUserAction({ orgId, userId: row.id, destination, role, moveDevices });
    setBusy(false);
    if (!result.ok) return setError(result.message);
    toast.success(`${row.name} transferred`);
    onClose();
  }

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title={`Transfer ${row.name}`} description={`Now in ${row.orgName}. They and the destination's Admins get an email; their sessions end.`}>
      <form onSubmit={submit} className="space-y-4">
        <div role="radiogroup" aria-label="Choose the destination" className="flex gap-4 text-sm">
          <label className="flex items-center gap-1.5">
            <input type="radio" checked={by === "org"} onChange={() => setBy("org")} className="accent-brand-600" /> From the organization tree
          </label>
          <label className="flex items-center gap-1.5">
            <input type="radio" checked={by === "admin"} onChange={() => setBy("admin")} className="accent-brand-600" /> By an Admin&apos;s email
          </label>
        </div>
        {by === "org" ? (
          <Field id="transfer-org" label="Destination organization">
            <OrgSelect id="transfer-org" orgs={destinations} baseDepth={minDepth} value={destOrg} onChange={(e) => setDestOrg(e.target.value)} />
          </Field>
        ) : (
          <Field id="transfer-admin" label="Email of an Admin of the destination">
            <input id="transfer-admin" type="email" value={adminEmail} onChange={(e) => setAdminEmail(e.target.value)} className={inputClass} />
          </Field>
        )}
        <Field id="transfer-role" label="Role there">
          <RoleSelect id="transfer-role" roles={roles.filter((r) => canMakeAdmin || r.key !== "admin")} value={role} onChange={(e) => setRole(e.target.value)} />
        </Field>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={moveDevices} onChange={(e) => setMoveDevices(e.target.checked)} className="accent-brand-600" />
          Also move the devices they own
        </label>
        <FormError message={error} />
        <FormActions onCancel={onClose} busy={busy} busyLabel="Transferring…" submitLabel="Transfer" disabled={by === "org" ? !destOrg : !adminEmail} />
      </form>
    </Dialog>
  );
}
