import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { deviceDetails } from "@/lib/devices/details";
import { DomainError } from "@/lib/errors";
import { getActor } from "@/lib/orgs/context";

/**
 * The device of the URL for the viewer, once per request (the layout gates, the page shows).
 * Out of reach, another tenant's, a random id and one the viewer may not see are the same 404.
 */
export const loadDevice = cache(async (orgId: string, deviceId: string) => {
  const actor = await getActor(orgId);
  const details = await deviceDetails(await getDb(), actor, deviceId).catch((error: unknown) => {
    if (error instanceof DomainError) notFound();
    throw error;
  });
  return { actor, details };
});
