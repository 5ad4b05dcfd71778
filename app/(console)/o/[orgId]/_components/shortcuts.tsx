"use client";

import { useState } from "react";
import type { LocationOption } from "@/components/forms/location-option";
import { Button } from "@/components/ui/button";
import type { RoleOption } from "@/lib/users/page-data";
import { AddDeviceDialog } from "../devices/_components/add-device-dialog";
import { InviteDialog } from "../users/_components/dialogs/invite-dialog";

type Props = {
  orgId: string;
  orgName: string;
  /** Present when the viewer may invite: the roles they may give. */
  invite: { roles: RoleOption[] } | null;
  addDevice: boolean;
  /** The locations usable in the org (own and inherited), for both dialogs. */
  locations: LocationOption[];
};

/** The overview's shortcuts: the same dialogs the users and devices pages open, offered only when allowed. */
export function Shortcuts({ orgId, orgName, invite, addDevice, locations }: Props) {
  const [open, setOpen] = useState<"invite" | "device" | null>(null);
  if (!invite && !addDevice) return null;
  return (
    <div className="flex flex-wrap gap-2">
      {invite ? (
        <Button onClick={() => setOpen("invite")}>
          <span aria-hidden>+</span> Invite user
        </Button>
      ) : null}
      {addDevice ? (
        <Button variant="secondary" onClick={() => setOpen("device")}>
          <span aria-hidden>+</span> Add device
        </Button>
      ) : null}
      {invite ? <InviteDialog open={open === "invite"} onOpenChange={(o) => setOpen(o ? "invite" : null)} orgId={orgId} roles={invite.roles} locations={locations} /> : null}
      {open === "device" ? <AddDeviceDialog orgId={orgId} orgName={orgName} locations={locations} onClose={() => setOpen(null)} /> : null}
    </div>
  );
}
