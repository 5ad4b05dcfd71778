"use client";

import { useState } from "react";
import { ColorPicker } from "@/components/tags/color-picker";
import { TagChip } from "@/components/tags/tag-chip";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, FormError, inputClass } from "@/components/ui/field";
import { FormActions } from "@/components/ui/form-actions";
import type { ActionResult } from "@/lib/action-result";
import { plural } from "@/lib/orgs/counts";
import { tagColorSchema, tagNameSchema, type TagColor } from "@/lib/tags/schemas";
import type { TagUsage } from "@/lib/tags/queries";
import { z } from "zod";
import { createTagAction, deleteTagAction, editTagAction } from "../actions";

/** canManage: create tags; canEdit: rename, recolour and delete them (in the root org only, lib/policy). */
type Props = { orgId: string; orgName: string; tags: TagUsage[]; canManage: boolean; canEdit: boolean };
type Open = { kind: "create" } | { kind: "edit" | "delete"; tag: TagUsage } | null;

const tagForm = z.object({ name: tagNameSchema, color: tagColorSchema });

/** Settings → Tags: the tenant's tags with their use in view; create, rename, recolour, delete. */
export function TagsView({ orgId, orgName, tags, canManage, canEdit }: Props) {
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Tags</h1>
          <p className="text-sm text-slate-500">
            Shared by every organization of the tenant; people and devices carry at most 5 each
            {canManage && !canEdit ? ". They are renamed and deleted in the root organization." : ""}
          </p>
        </div>
        {canManage ? (
          <Button onClick={() => setOpen({ kind: "create" })}>
            <span aria-hidden>+</span> New tag
          </Button>
        ) : null}
      </div>

      {tags.length === 0 ? (
        <div className="rounded-xl border border-dashed border-slate-300 bg-white p-10 text-center text-sm text-slate-600">
          <p className="font-medium text-slate-900">No tags yet</p>
          <p className="mt-1">{canManage ? "Create one with “New tag”, or from Apply tag in the users table." : "An Admin can create tags."}</p>
        </div>
      ) : (
        <div className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-xs">
          <table className="w-full text-sm">
            <caption className="sr-only">Tags</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="w-full px-4 py-2.5">
                  Tag
                </th>
                <th scope="col" className="whitespace-nowrap px-4 py-2.5 text-right max-sm:sr-only">
                  People
                </th>
                <th scope="col" className="whitespace-nowrap px-4 py-2.5 text-right max-sm:sr-only">
                  Devices
                </th>
                {canEdit ? (
                  <th scope="col" className="px-4 py-2.5">
                    <span className="sr-only">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {tags.map((tag) => (
                <tr key={tag.id}>
                  <td className="px-4 py-3">
                    <TagChip tag={tag} />
                    {/* Narrow screens: the counts under the chip instead of their own columns. */}
                    <span className="mt-1 block text-xs text-slate-500 sm:hidden">
                      {plural(tag.people, "person", "people")} · {plural(tag.devices, "device")}
                    </span>
                  </td>
                  <td className="px-4 py-3 text-right tabular-nums text-slate-700 max-sm:hidden">{tag.people.toLocaleString("en")}</td>
                  <td className="px-4 py-3 text-right tabular-nums text-slate-700 max-sm:hidden">{tag.devices.toLocaleString("en")}</td>
                  {canEdit ? (
                    <td className="whitespace-nowrap px-4 py-3 text-right">
                      <Button variant="ghost" size="sm" aria-label={`Edit ${tag.name}`} onClick={() => setOpen({ kind: "edit", tag })}>
                        Edit
                      </Button>
                      <Button variant="ghost" size="sm" aria-label={`Delete ${tag.name}`} className="text-red-700" onClick={() => setOpen({ kind: "delete", tag })}>
                        Delete
                      </Button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
          <p className="border-t border-slate-100 px-4 py-2.5 text-xs text-slate-500">Counted among the people and devices you can see in {orgName}.</p>
        </div>
      )}

      {open?.kind === "create" ? (
        <Dialog open onOpenChange={(o) => !o && close()} title="New tag" description="Tag names are unique in any case.">
          <TagForm orgId={orgId} onClose={close} />
        </Dialog>
      ) : null}
      {open?.kind === "edit" ? (
        <Dialog open onOpenChange={(o) => !o && close()} title={`Edit ${open.tag.name}`} description="Everyone and everything carrying it shows the new name and colour.">
          <TagForm orgId={orgId} tag={open.tag} onClose={close} />
        </Dialog>
      ) : null}
      {open?.kind === "delete" ? <DeleteTagDialog orgId={orgId} tag={open.tag} onClose={close} /> : null}
    </div>
  );
}

function TagForm({ orgId, tag, onClose }: { orgId: string; tag?: TagUsage; onClose: () => void }) {
  // One form for both: the action differs only in naming the tag it edits.
  const save = (values: z.output<typeof tagForm>): Promise<ActionResult<unknown>> => (tag ? editTagAction({ orgId, tagId: tag.id, ...values }) : createTagAction({ orgId, ...values }));
  const { form, onSubmit, pending, formError } = useActionForm(tagForm, save, {
    defaultValues: { name: tag?.name ?? "", color: tag?.color ?? "slate" },
    success: (_, { name }) => (tag ? `Tag ${name} saved` : `Tag ${name} created`),
    onSuccess: onClose,
  });
  const name = form.watch("name");
  const color = form.watch("color") as TagColor;
  const error = form.formState.errors.name?.message;
  return (
    <form onSubmit={onSubmit} className="space-y-4">
      <Field id="tag-name" label="Name" error={error}>
        <input id="tag-name" maxLength={30} autoComplete="off" aria-invalid={error ? true : undefined} aria-describedby={error ? "tag-name-error" : undefined} className={inputClass} {...form.register("name")} />
      </Field>
      <ColorPicker name="tag-color" value={color} onChange={(c) => form.setValue("color", c, { shouldDirty: true })} />
      <div className="flex items-center gap-2 text-sm text-slate-500">
        Preview <TagChip tag={{ name: name.trim() || "Tag name", color }} />
      </div>
      <FormError message={formError} />
      <FormActions onCancel={onClose} busy={pending} busyLabel="Saving…" submitLabel={tag ? "Save" : "Create tag"} />
    </form>
  );
}

function DeleteTagDialog({ orgId, tag, onClose }: { orgId: string; tag: TagUsage; onClose: () => void }) {
  const { onSubmit, pending, formError } = useActionForm(z.object({}), deleteTagAction, {
    defaultValues: {},
    input: () => ({ orgId, tagId: tag.id }),
    success: `Tag ${tag.name} deleted`,
    onSuccess: onClose,
    serverErrors: "form",
  });
  const carriers = [tag.people ? plural(tag.people, "person", "people") : null, tag.devices ? plural(tag.devices, "device") : null].filter(Boolean).join(" and ");
  const loses = carriers ? `${carriers} you can see will lose it` : "Nobody you can see carries it";
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={`Delete ${tag.name}?`} description={`${loses}, as will anyone elsewhere in the organization who carries it. This cannot be undone.`}>
      <form onSubmit={onSubmit} className="space-y-4">
        <FormError message={formError} />
        <FormActions onCancel={onClose} busy={pending} busyLabel="Deleting…" submitLabel="Delete tag" danger />
      </form>
    </Dialog>
  );
}
