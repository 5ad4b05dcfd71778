"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { ConfirmDeleteDialog } from "@/components/dialogs/confirm-delete-dialog";
import { useConfirm } from "@/components/forms/use-confirm";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormActions } from "@/components/ui/form-actions";
import { FormError } from "@/components/ui/field";
import type { OrgOption } from "@/lib/users/page-data";
import { deleteDeviceAction, transferDeviceAction } from "../actions";
import { ApplyDeviceTagDialog, RemoveDeviceTagDialog } from "./device-tag-dialogs";
import { EditDeviceDialog } from "./edit-device-dialog";
import { SetDeviceLocationDialog } from "./set-device-location-dialog";
import { TransferDeviceDialog, type TransferredDevice } from "./transfer-device-dialog";

/** What the viewer may do to this device, as the policy answered the page. */
export type DeviceActionPermissions = { edit: boolean; location: boolean; tag: boolean; transfer: boolean; delete: boolean };

type Kind = "edit" | "location" | "tag" | "untag" | "transfer" | "clear" | "delete";
type Props = { orgId: string; device: TransferredDevice & { model: string }; orgs: OrgOption[]; may: DeviceActionPermissions };

/** The device profile's actions: Edit as a button, the rest in the menu, each shown only when the policy allows it. */
export function DeviceActions({ orgId, device, orgs, may }: Props) {
  const router = useRouter();
  const [open, setOpen] = useState<Kind | null>(null);
  const close = () => setOpen(null);
  // The menu, in order; the destructive ones last, after a separator.
  const items: { kind: Kind; label: string; show: boolean; danger?: boolean }[] = [
    { kind: "location", label: "Set location", show: may.location },
    { kind: "tag", label: "Apply tag", show: may.tag },
    { kind: "untag", label: "Remove tag", show: may.tag },
    { kind: "transfer", label: "Transfer", show: may.transfer },
    { kind: "clear", label: "Clear owner", show: may.transfer && device.ownerId !== null },
    { kind: "delete", label: "Delete", show: may.delete, danger: true },
  ];
  const menu = items.filter((i) => i.show);
  if (!may.edit && menu.length === 0) return null;

  return (
    <div className="flex items-center gap-2">
      {may.edit ? (
        <Button variant="secondary" onClick={() => setOpen("edit")}>
          Edit
        </Button>
      ) : null}
      {menu.length ? (
        <DropdownMenu.Root>
          <DropdownMenu.Trigger asChild>
            <Button variant="secondary" aria-label={`More actions for ${device.name}`}>
              More <span aria-hidden>▾</span>
            </Button>
          </DropdownMenu.Trigger>
          <DropdownMenu.Portal>
            <DropdownMenu.Content align="end" sideOffset={4} className="z-50 min-w-44 rounded-lg border border-slate-200 bg-white p-1 shadow-lg">
              {menu.map((item, i) => (
                <div key={item.kind}>
                  {item.danger && i > 0 ? <DropdownMenu.Separator className="my-1 h-px bg-slate-100" /> : null}
                  <DropdownMenu.Item
                    onSelect={() => setOpen(item.kind)}
                    className={`cursor-pointer rounded-md px-3 py-1.5 text-sm outline-none data-[highlighted]:bg-slate-100 ${item.danger ? "text-red-700" : "text-slate-700"}`}
                  >
                    {item.label}
                  </DropdownMenu.Item>
                </div>
              ))}
            </DropdownMenu.Content>
          </DropdownMenu.Portal>
        </DropdownMenu.Root>
      ) : null}

      {open === "edit" ? <EditDeviceDialog orgId={orgId} device={device} onClose={close} /> : null}
      {open === "location" ? <SetDeviceLocationDialog orgId={orgId} deviceIds={[device.id]} name={device.name} onClose={close} /> : null}
      {open === "tag" ? <ApplyDeviceTagDialog orgId={orgId} deviceIds={[device.id]} onClose={close} /> : null}
      {open === "untag" ? <RemoveDeviceTagDialog orgId={orgId} deviceIds={[device.id]} onClose={close} /> : null}
      {open === "transfer" ? <TransferDeviceDialog orgId={orgId} device={device} orgs={orgs} onClose={close} /> : null}
      {open === "clear" ? <ClearOwnerDialog orgId={orgId} device={device} onClose={close} /> : null}
      {open === "delete" ? (
        <ConfirmDeleteDialog
          count={1}
          name={device.name}
          noun="device"
          onClose={close}
          onConfirm={async () => {
            const result = await deleteDeviceAction({ orgId, deviceId: device.id, confirm: "DELETE" });
            if (!result.ok) return result.message;
            toast.success(`${device.name} deleted`);
            router.push(`/o/${orgId}/devices`);
          }}
        />
      ) : null}
    </div>
  );
}

/** "Clear the owner of Boiler?" — the device stays where it is, owned by no one. */
function ClearOwnerDialog({ orgId, device, onClose }: { orgId: string; device: TransferredDevice; onClose: () => void }) {
  const [refusal, setRefusal] = useState<string | null>(null);
  const { busy, submit } = useConfirm(async () => {
    const result = await transferDeviceAction({ orgId, deviceId: device.id, newOwnerId: null });
    if (!result.ok) return setRefusal(result.message);
    toast.success(`${device.name} has no owner now`);
    onClose();
  });
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={`Clear the owner of ${device.name}?`} description={`${device.ownerName ?? "Its owner"} no longer owns it; it stays in ${device.orgName}.`}>
      <form onSubmit={submit(undefined)} className="space-y-2">
        <FormError message={refusal} />
        <FormActions onCancel={onClose} busy={busy} busyLabel="Clearing…" submitLabel="Clear owner" danger />
      </form>
    </Dialog>
  );
}
