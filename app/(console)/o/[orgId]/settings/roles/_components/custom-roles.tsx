"use client";

import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, FormError, inputClass } from "@/components/ui/field";
import { createRoleAction, deleteRoleAction, renameRoleAction } from "../actions";

type Role = { key: string; name: string; builtin: boolean; members: number };
type Open = { kind: "add" } | { kind: "rename" | "delete"; role: Role } | null;

/** Business plan: add a role (at most `maxRoles` in all), rename or delete a custom one. */
export function CustomRoles({ orgId, roles, maxRoles }: { orgId: string; roles: Role[]; maxRoles: number }) {
  const [open, setOpen] = useState<Open>(null);
  const [name, setName] = useState("");
  const [replacement, setReplacement] = useState("user");
  const [error, setError] = useState<string | null>(null);
  const custom = roles.filter((r) => !r.builtin);
  const close = () => {
    setOpen(null);
    setError(null);
    setName("");
  };

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!open) return;
    const result =
      open.kind === "add"
        ? await createRoleAction({ orgId, name })
        : open.kind === "rename"
          ? await renameRoleAction({ orgId, role: open.role.key, name })
          : await deleteRoleAction({ orgId, role: open.role.key, replacement });
    if (!result.ok) return setError(result.message);
    toast.success(open.kind === "add" ? `${name.trim()} added` : open.kind === "rename" ? "Role renamed" : `${open.role.name} deleted`);
    close();
  }

  return (
    <>
      <Button variant="secondary" disabled={roles.length >= maxRoles} title={roles.length >= maxRoles ? `At most ${maxRoles} roles` : undefined} onClick={() => setOpen({ kind: "add" })}>
        Add role
      </Button>
      {custom.map((r) => (
        <span key={r.key} className="inline-flex">
          <Button variant="ghost" size="sm" onClick={() => { setName(r.name); setOpen({ kind: "rename", role: r }); }}>
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
          <form onSubmit={submit} className="space-y-4">
            {open.kind === "delete" ? (
              <Field id="role-replacement" label="Move its members to">
                <select id="role-replacement" value={replacement} onChange={(e) => setReplacement(e.target.value)} className={inputClass}>
                  {roles.filter((r) => r.key !== open.role.key).map((r) => (
                    <option key={r.key} value={r.key}>
                      {r.name}
                    </option>
                  ))}
                </select>
              </Field>
            ) : (
              <Field id="role-name" label="Name">
                <input id="role-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={40} className={inputClass} />
              </Field>
            )}
            <FormError message={error} />
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" variant={open.kind === "delete" ? "danger" : "primary"}>
                {open.kind === "add" ? "Add role" : open.kind === "rename" ? "Rename" : "Delete role"}
              </Button>
            </div>
          </form>
        </Dialog>
      ) : null}
    </>
  );
}
