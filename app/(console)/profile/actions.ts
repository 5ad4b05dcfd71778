"use server";
// The profile's server actions: your own account, acting in your own org.
import { selfAction, selfFormAction } from "@/lib/action";
import { signOut } from "@/lib/auth/config";
import { sessionClaims, setSessionCookie } from "@/lib/auth/session-cookie";
import { changeOwnPassword, changeOwnPasswordSchema, setDeveloperMode, updateOwnDetails } from "@/lib/users/commands/own-account";
import { endAllOwnSessions, endOwnOtherSessions } from "@/lib/users/commands/own-sessions";
import { developerModeSchema, ownDetailsSchema } from "@/lib/users/schemas";

export const endOtherSessionsAction = selfFormAction(endOwnOtherSessions);

/** Ends every session of the viewer, this one included, and leaves for the login page. */
export const logOutEverywhereAction = selfFormAction(async (db, actor) => {
  await endAllOwnSessions(db, actor);
  await signOut({ redirectTo: "/login" });
});

/** The new session id goes into a new cookie, never into the action's answer. */
export const changeOwnPasswordAction = selfAction(changeOwnPasswordSchema, async (db, actor, input) => {
  const { sessionId } = await changeOwnPassword(db, actor, input);
  const claims = await sessionClaims();
  if (claims) await setSessionCookie({ ...claims, sid: sessionId });
});

export const setDeveloperModeAction = selfAction(developerModeSchema, setDeveloperMode);
export const updateOwnDetailsAction = selfAction(ownDetailsSchema, updateOwnDetails);
