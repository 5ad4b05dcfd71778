import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { loadViewer, type Viewer } from "./session-check";
import { sessionClaims } from "./session-cookie";

export type { Viewer } from "./session-check";

/** The signed-in viewer, fresh from the database once per request; null when logged out. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const claims = await sessionClaims();
  if (!claims) return null;
  return loadViewer(await getDb(), claims);
});

export async function requireViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect("/login");
  return viewer;
}
