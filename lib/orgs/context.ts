import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { requireViewer } from "@/lib/auth/viewer";
import { resolveOrgContext, type OrgContext } from "./resolve";

export type { CurrentOrg, OrgContext } from "./resolve";

/** For pages: the viewer (or a redirect to /login) and the org of the URL (or a 404). */
export const getOrgContext = cache(async (orgId: string): Promise<OrgContext> => {
  const viewer = await requireViewer();
  const context = await resolveOrgContext(await getDb(), viewer, orgId);
  if (!context) notFound();
  return context;
});

