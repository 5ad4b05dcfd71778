"use client";

import { useState } from "react";
import { z } from "zod";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, FormError, inputClass } from "@/components/ui/field";
import { createRoleAction, deleteRoleAction, renameRoleAction } from "../actions";

type Role = { key: string; name: string; builtin: boolean; members: number };
type Open = { kind: "add" } | { kind: "rename" | "delete"; role: Role } | null;

// The server checks names and replacements; these forms only gather them.
const nameForm = z.object({ name: z.string() });
const replacementForm = z.object({ replacement: z.string() });

/** Business plan: add a role (at most `maxRoles` in all), rename or delete a custom one. */
export function CustomRoles({ orgId, roles, maxRoles }: { orgId: string; roles: Role[]; maxRoles: number }) {
  const [open, setOpen] = useState<Open>(null);
  const custom = roles.filter((r) => !r.builtin);
  const close = () => setOpen(null);

  return (
    <>
      <Button variant="secondary" disabled={roles.length >= maxRoles} title={roles.length >= maxRoles ? `At most ${maxRoles} roles` : undefined} onClick={() => setOpen({ kind: "add" })}>
        Add role
      </Button>
      {custom.map((r) => (
        <span key={r.key} className="inline-flex">
          <Button variant="ghost" size="sm" onClick={() => setOpen({ kind: "rename", role: r })}>
            Rename {r.name}
          </Button>
          <Button variant="ghost" size="sm" className="text-red-700" onClick={() => setOpen({ kind: "delete", role: r })}>
            Delete {r.name}
          </Button>
        </span>
      ))}
      {open ? (
        <Dialog
          open
          onOpenChange={(o) => !o && close()}
          title={open.kind === "add" ? "Add a role" : open.kind === "rename" ? `Rename ${open.role.name}` : `Delete ${open.role.name}`}
          description={open.kind === "delete" ? `Its ${open.role.members} member(s) here, and everyone with it elsewhere, move to the role you choose.` : open.kind === "add" ? "It starts with no permissions; grant them with Edit." : undefined}
        >
          {open.kind === "add" ? <AddRoleForm orgId={orgId} onClose={close} /> : null}
          {open.kind === "rename" ? <RenameRoleForm orgId={orgId} role={open.role} onClose={close} /> : null}
          {open.kind === "delete" ? <DeleteRoleForm orgId={orgId} role={open.role} roles={roles} onClose={close} /> : null}
        </Dialog>
      ) : null}
    </>
  );
}

function AddRoleForm({ orgId, onClose }: { orgId: string; onClose: () => void }) {
  const { form, onSubmit, pending, formError } = useActionForm(nameForm, createRoleAction, {
    defaultValues: { name: "" },
    input: ({ name }) => ({ orgId, name }),
    success: (_, { name }) => `${name.trim()} added`,
    onSuccess: onClose,
    serverErrors: "form",
  });
  return <NameForm onSubmit={onSubmit} register={form.register("name")} formError={formError} pending={pending} submitLabel="Add role" onClose={onClose} />;
}

function RenameRoleForm({ orgId, role, onClose }: { orgId: string; role: Role; onClose: () => void }) {
  const { form, onSubmit, pending, formError } = useActionForm(nameForm, renameRoleAction, {
    defaultValues: { name: role.name },
    input: ({ name }) => ({ orgId, role: role.key, name }),
    success: "Role renamed",
    onSuccess: onClose,
    serverErrors: "form",
  });
  return <NameForm onSubmit={onSubmit} register={form.register("name")} formError={formError} pending={pending} submitLabel="Rename" onClose={onClose} />;
}

type NameFormProps = { onSubmit: React.FormEventHandler; register: React.ComponentProps<"input">; formError: string | null; pending: boolean; submitLabel: string; onClose: () => void };

function NameForm({ onSubmit, register, formError, pending, submitLabel, onClose }: NameFormProps) {
  return (
    <form onSubmit={onSubmit} className="space-y-4">
      <Field id="role-name" label="Name">
        <input id="role-name" maxLength={40} className={inputClass} {...register} />
      </Field>
      <Footer formError={formError} pending={pending} submitLabel={submitLabel} onClose={onClose} />
    </form>
  );
}

function DeleteRoleForm({ orgId, role, roles, onClose }: { orgId: string; role: Role; roles: Role[]; onClose: () => void }) {
  const { form, onSubmit, pending, formError } = useActionForm(replacementForm, deleteRoleAction, {
    defaultValues: { replacement: "user" },
    input: ({ replacement }) => ({ orgId, role: role.key, replacement }),
    success: `${role.name} deleted`,
    onSuccess: onClose,
    serverErrors: "form",
  });
  return (
    <form onSubmit={onSubmit} className="space-y-4">
      <Field id="role-replacement" label="Move its members to">
        <select id="role-replacement" className={inputClass} {...form.register("replacement")}>
          {roles.filter((r) => r.key !== role.key).map((r) => (
            <option key={r.key} value={r.key}>
              {r.name}
            </option>
          ))}
        </select>
      </Field>
      <Footer formError={formError} pending={pending} submitLabel="Delete role" danger onClose={onClose} />
    </form>
  );
}

function Footer({ formError, pending, submitLabel, danger, onClose }: { formError: string | null; pending: boolean; submitLabel: string; danger?: boolean; onClose: () => void }) {
  return (
    <>
      <FormError message={formError} />
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" variant={danger ? "danger" : "primary"} disabled={pending}>
          {submitLabel}
        </Button>
      </div>
    </>
  );
}
