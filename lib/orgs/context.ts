import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { requireViewer } from "@/lib/auth/viewer";
import { resolveActor, type Actor } from "@/lib/commands/actor";

/** For pages: the viewer (or a redirect to /login) acting in the org of the URL (or a 404). */
export const getActor = cache(async (orgId: string): Promise<Actor> => {
  const viewer = await requireViewer();
  const actor = await resolveActor(await getDb(), viewer, orgId);
  if (!actor) notFound();
  return actor;
});
