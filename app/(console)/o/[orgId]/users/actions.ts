"use server";
// The users table's server actions: thin wrappers, each one command (lib/users/commands).
import { z } from "zod";
import { consoleAction } from "@/lib/action";
import { parseInput } from "@/lib/commands/parse";
import { roleGrantsIn } from "@/lib/roles/grants";
import { userDetails } from "@/lib/users/details";
import { orgsInView } from "@/lib/users/page-data";
import { applyTag } from "@/lib/users/commands/apply-tag";
import { changeRoles } from "@/lib/users/commands/change-role";
import { deleteUsers } from "@/lib/users/commands/delete";
import { editUser } from "@/lib/users/commands/edit";
import { resendInvitations, revokeInvitations } from "@/lib/users/commands/invitations";
import { inviteUser } from "@/lib/users/commands/invite";
import { forceLogout } from "@/lib/users/commands/sessions";
import { setUserPassword } from "@/lib/users/commands/set-password";
import { reactivateUsers, suspendUsers } from "@/lib/users/commands/suspend";
import { transferUser } from "@/lib/users/commands/transfer";

const userRefSchema = z.strictObject({ orgId: z.uuid(), userId: z.uuid() });
const roleGrantsSchema = z.strictObject({ orgId: z.uuid(), targetOrgId: z.uuid(), role: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/) });

export async function inviteUserAction(input: unknown) {
  return consoleAction(input, (db, actor, raw) => inviteUser(db, actor, raw));
}
export async function editUserAction(input: unknown) {
  return consoleAction(input, (db, actor, raw) => editUser(db, actor, raw));
}
export async function changeRolesAction(input: unknown) {
  return consoleAction(input, (db, actor, raw) => changeRoles(db, actor, raw));
}
export async function setUserPasswordAction(input: unknown) {
  return consoleAction(input, (db, actor, raw) => setUserPassword(db, actor, raw));
}
export async function forceLogoutAction(input: unknown) {
  return consoleAction(input, (db, actor, raw) => forceLogout(db, actor, raw));
}
export async function suspendUsersAction(input: unknown) {
  return consoleAction(input, (db, actor, raw) => suspendUsers(db, actor, raw));
}
export async function reactivateUsersAction(input: unknown) {
  return consoleAction(input, (db, actor, raw) => reactivateUsers(db, actor, raw));
}
export async function transferUserAction(input: unknown) {
  return consoleAction(input, (db, actor, raw) => transferUser(db, actor, raw));
}
export async function deleteUsersAction(input: unknown) {
  return consoleAction(input, (db, actor, raw) => deleteUsers(db, actor, raw));
}
export async function resendInvitationsAction(input: unknown) {
  return consoleAction(input, (db, actor, raw) => resendInvitations(db, actor, raw));
}
export async function revokeInvitationsAction(input: unknown) {
  return consoleAction(input, (db, actor, raw) => revokeInvitations(db, actor, raw));
}
export async function applyTagAction(input: unknown) {
  return consoleAction(input, (db, actor, raw) => applyTag(db, actor, raw));
}

/** The edit dialog's data: the user's details and the locations of their org. */
export async function userDetailsAction(input: unknown) {
  return consoleAction(input, (db, actor, raw) => userDetails(db, actor, parseInput(userRefSchema, raw).userId));
}

/** The role side panel: what a role may do in an org. */
export async function roleGrantsAction(input: unknown) {
  return consoleAction(input, (db, actor, raw) => roleGrantsIn(db, actor, parseInput(roleGrantsSchema, raw)));
}

/** The orgs the dialogs may target (invite into, transfer to), loaded when a dialog opens. */
export async function orgOptionsAction(input: unknown) {
  return consoleAction(input, (db, actor) => orgsInView(db, actor));
}
