"use client";

import { useWatch } from "react-hook-form";
import { z } from "zod";
import { OrgSelect } from "@/components/forms/org-select";
import { RoleSelect } from "@/components/forms/role-select";
import { useActionForm } from "@/components/forms/use-action-form";
import { Dialog } from "@/components/ui/dialog";
import { FormActions } from "@/components/ui/form-actions";
import { Field, FormError, inputClass } from "@/components/ui/field";
import type { RoleOption } from "@/lib/users/page-data";
import type { UserTableRow } from "@/lib/users/view-model";
import { transferUserAction } from "../../actions";
import { useOrgOptions } from "../use-org-options";

// The server checks the destination; the form only gathers it.
const formSchema = z.object({ by: z.enum(["org", "admin"]), destOrg: z.string(), adminEmail: z.string(), role: z.string(), moveDevices: z.boolean() });

/** `roles`: the ones the viewer may give (grantableRoles). */
type Props = { row: UserTableRow; orgId: string; roles: RoleOption[]; onClose: () => void };

/** Move a user to another org in reach, chosen from the tree or by the email of an Admin there. */
export function TransferDialog({ row, orgId, roles, onClose }: Props) {
  const orgs = useOrgOptions(orgId, true);
  const destinations = (orgs ?? []).filter((o) => o.id !== row.orgId);
  // The first destination until one is picked (the list arrives after the dialog opens).
  const firstDestination = destinations[0]?.id ?? "";
  const { form, onSubmit, pending, formError } = useActionForm(formSchema, transferUserAction, {
    defaultValues: { by: "org", destOrg: "", adminEmail: "", role: row.role, moveDevices: true },
    input: ({ by, destOrg, adminEmail, role, moveDevices }) => ({
      orgId,
      userId: row.id,
      destination: by === "org" ? { orgId: destOrg || firstDestination } : { adminEmail },
      role,
      moveDevices,
    }),
    success: `${row.name} transferred`,
    onSuccess: onClose,
    serverErrors: "form",
  });
  const [by, picked, adminEmail] = useWatch({ control: form.control, name: ["by", "destOrg", "adminEmail"] });
  const destOrg = picked || firstDestination;
  const minDepth = Math.min(...(orgs ?? []).map((o) => o.depth));

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title={`Transfer ${row.name}`} description={`Now in ${row.orgName}. They and the destination's Admins get an email; their sessions end.`}>
      <form onSubmit={onSubmit} className="space-y-4">
        <div role="radiogroup" aria-label="Choose the destination" className="flex gap-4 text-sm">
          <label className="flex items-center gap-1.5">
            <input type="radio" value="org" {...form.register("by")} className="accent-brand-600" /> From the organization tree
          </label>
          <label className="flex items-center gap-1.5">
            <input type="radio" value="admin" {...form.register("by")} className="accent-brand-600" /> By an Admin&apos;s email
          </label>
        </div>
        {by === "org" ? (
          <Field id="transfer-org" label="Destination organization">
            <OrgSelect id="transfer-org" orgs={destinations} baseDepth={minDepth} value={destOrg} onChange={(e) => form.setValue("destOrg", e.target.value)} />
          </Field>
        ) : (
          <Field id="transfer-admin" label="Email of an Admin of the destination">
            <input id="transfer-admin" type="email" className={inputClass} {...form.register("adminEmail")} />
          </Field>
        )}
        <Field id="transfer-role" label="Role there">
          <RoleSelect id="transfer-role" roles={roles} {...form.register("role")} />
        </Field>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" {...form.register("moveDevices")} className="accent-brand-600" />
          Also move the devices they own
        </label>
        <FormError message={formError} />
        <FormActions onCancel={onClose} busy={pending} busyLabel="Transferring…" submitLabel="Transfer" disabled={by === "org" ? !destOrg : !adminEmail} />
      </form>
    </Dialog>
  );
}
