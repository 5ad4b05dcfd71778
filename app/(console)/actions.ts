"use server";
// Console-wide reads the header needs (the org switcher), for the signed-in viewer.
import { getDb } from "@/db/client";
import type { ActionResult } from "@/lib/action-result";
import { getViewer } from "@/lib/auth/viewer";
import { orgTypeLabel } from "@/lib/orgs/labels";
import { switchableOrgs, type SwitcherOrg } from "@/lib/orgs/tree";

export async function switcherOrgsAction(): Promise<ActionResult<SwitcherOrg[]>> {
  const viewer = await getViewer();
  if (!viewer) return { ok: false, code: "UNAUTHENTICATED", message: "Your session has ended. Log in again." };
  const orgs = await switchableOrgs(await getDb(), viewer);
  return { ok: true, data: orgs.map((o) => ({ id: o.id, name: o.name, type: orgTypeLabel(o.type), depth: o.depth, users: o.users, own: o.id === viewer.org.id })) };
}
