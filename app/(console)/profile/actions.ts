"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { selfAction } from "@/lib/action";
import { signOut } from "@/lib/auth/config";
import { revokeSession } from "@/lib/auth/session-check";
import { sessionClaims, setSessionCookie } from "@/lib/auth/session-cookie";
import { endOtherSessions } from "@/lib/auth/sessions-queries";
import { requireViewer } from "@/lib/auth/viewer";
import { changeOwnPassword, setDeveloperMode, updateOwnDetails } from "@/lib/users/commands/own-account";

export async function endOtherSessionsAction(): Promise<void> {
  const viewer = await requireViewer();
  const db = await getDb();
  await db.transaction((tx) => endOtherSessions(tx, viewer));
  revalidatePath("/profile");
}

/** Ends every session of the viewer, this one included, and leaves for the login page. */
export async function logOutEverywhereAction(): Promise<void> {
  const viewer = await requireViewer();
  const db = await getDb();
  await db.transaction(async (tx) => {
    await endOtherSessions(tx, viewer);
    await revokeSession(tx, viewer.sessionId);
  });
  await signOut({ redirectTo: "/login" });
}

/** The new session id goes into a new cookie, never into the action's answer. */
export async function changeOwnPasswordAction(input: unknown) {
  return selfAction(input, async (db, actor, raw) => {
    const { sessionId } = await changeOwnPassword(db, actor, raw);
    const claims = await sessionClaims();
    if (claims) await setSessionCookie({ ...claims, sid: sessionId });
  });
}

export async function setDeveloperModeAction(input: unknown) {
  return selfAction(input, (db, actor, raw) => setDeveloperMode(db, actor, raw));
}

export async function updateOwnDetailsAction(input: unknown) {
  return selfAction(input, (db, actor, raw) => updateOwnDetails(db, actor, raw));
}
