import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { requireViewer } from "@/lib/auth/viewer";
import { resolveActor, type Actor } from "@/lib/commands/actor";
import { orgTarget } from "@/lib/orgs/target";
import { can, may, mayViewLocations } from "@/lib/policy";

/** For pages: the viewer (or a redirect to /login) acting in the org of the URL (or a 404). */
export const getActor = cache(async (orgId: string): Promise<Actor> => {
  const viewer = await requireViewer();
  const actor = await resolveActor(await getDb(), viewer, orgId);
  if (!actor) notFound();
  return actor;
});

/** Who may open each gated console page; the others are a 404 for them, like a page out of reach. */
const PAGE_GATES = {
  users: (a: Actor) => can(a.policy, "users.view", orgTarget(a)),
  organizations: (a: Actor) => may(a.policy, "orgs.switch") || may(a.policy, "orgs.create"),
  settings: (a: Actor) => can(a.policy, "org.settings", orgTarget(a)),
  roles: (a: Actor) => can(a.policy, "roles.view", orgTarget(a)),
  locations: (a: Actor) => mayViewLocations(a.policy),
  // Tags are the tenant's: seen, like locations, by anyone who sees its people or devices here (lib/tags/queries.ts).
  tags: (a: Actor) => mayViewLocations(a.policy),
  audit: (a: Actor) => can(a.policy, "audit.view", orgTarget(a)),
} satisfies Record<string, (actor: Actor) => boolean>;

export type GatedPage = keyof typeof PAGE_GATES;

/**
 * getActor for a gated page, or a 404. Each gated segment's layout calls it too: a layout runs
 * before the segment's loading.tsx starts streaming (and fixes the status at 200), so the 404
 * is a real one, drawn by ../not-found.tsx inside the console frame.
 */
export async function getActorFor(orgId: string, page: GatedPage): Promise<Actor> {
  const actor = await getActor(orgId);
  if (!PAGE_GATES[page](actor)) notFound();
  return actor;
}
