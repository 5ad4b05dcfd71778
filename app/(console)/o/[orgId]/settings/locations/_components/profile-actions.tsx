"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { LocationProfile } from "@/lib/locations/profile";
import { DeleteLocationDialog } from "./delete-location-dialog";
import { LocationDialog } from "./location-dialog";

/** Edit and Delete on a location's profile (its own org's, with Manage locations). */
export function ProfileActions({ orgId, location }: { orgId: string; location: LocationProfile }) {
  const router = useRouter();
  const [open, setOpen] = useState<"edit" | "delete" | null>(null);
  return (
    <div className="flex gap-2">
      <Button variant="secondary" onClick={() => setOpen("edit")}>
        Edit
      </Button>
      <Button variant="secondary" className="text-red-700" onClick={() => setOpen("delete")}>
        Delete
      </Button>
      {open === "edit" ? <LocationDialog orgId={orgId} orgName={location.orgName ?? ""} location={location} onClose={() => setOpen(null)} /> : null}
      {open === "delete" ? (
        <DeleteLocationDialog
          orgId={orgId}
          location={{ id: location.id, name: location.name, devices: location.devices?.total ?? null, people: location.people?.total ?? null }}
          onClose={() => setOpen(null)}
          onDeleted={() => router.push(`/o/${orgId}/settings/locations`)}
        />
      ) : null}
    </div>
  );
}
