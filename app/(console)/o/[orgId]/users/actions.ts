"use server";
// The users table's server actions: each declares its input and runs one command (lib/users/commands).
import { z } from "zod";
import { consoleAction, consoleRead } from "@/lib/action";
import { setUsersLocation } from "@/lib/locations/commands/set-users-location";
import { setUsersLocationSchema } from "@/lib/locations/schemas";
import { roleGrantsIn } from "@/lib/roles/grants";
import { applyTag } from "@/lib/users/commands/apply-tag";
import { removeTag } from "@/lib/users/commands/remove-tag";
import { changeRoles } from "@/lib/users/commands/change-role";
import { deleteUsers } from "@/lib/users/commands/delete";
import { editUser } from "@/lib/users/commands/edit";
import { resendInvitations, revokeInvitations } from "@/lib/users/commands/invitations";
import { inviteUser } from "@/lib/users/commands/invite";
import { sendDeviceLog } from "@/lib/users/commands/send-device-log";
import { forceLogout } from "@/lib/users/commands/sessions";
import { setUserPassword, setUserPasswordSchema } from "@/lib/users/commands/set-password";
import { reactivateUsers, suspendUsers } from "@/lib/users/commands/suspend";
import { transferUser } from "@/lib/users/commands/transfer";
import { userDetails } from "@/lib/users/details";
import { tagChoices, tagsCarriedByUsers } from "@/lib/tags/queries";
import { applyUserTagSchema, removeUserTagSchema, userTagsCarriedSchema } from "@/lib/tags/schemas";
import { orgsInView } from "@/lib/users/page-data";
import { bulkUsersSchema, changeRoleSchema, deleteUsersSchema, editUserSchema, inviteSchema, sendDeviceLogSchema, transferUserSchema } from "@/lib/users/schemas";

const orgRefSchema = z.strictObject({ orgId: z.uuid() });
const userRefSchema = z.strictObject({ orgId: z.uuid(), userId: z.uuid() });
const roleGrantsSchema = z.strictObject({ orgId: z.uuid(), targetOrgId: z.uuid(), role: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/) });

export const inviteUserAction = consoleAction(inviteSchema, (db, actor, input) => inviteUser(db, actor, input));
export const editUserAction = consoleAction(editUserSchema, editUser);
export const changeRolesAction = consoleAction(changeRoleSchema, changeRoles);
export const setUserPasswordAction = consoleAction(setUserPasswordSchema, setUserPassword);
export const forceLogoutAction = consoleAction(bulkUsersSchema, forceLogout);
export const suspendUsersAction = consoleAction(bulkUsersSchema, (db, actor, input) => suspendUsers(db, actor, input));
export const reactivateUsersAction = consoleAction(bulkUsersSchema, reactivateUsers);
export const transferUserAction = consoleAction(transferUserSchema, transferUser);
export const deleteUsersAction = consoleAction(deleteUsersSchema, deleteUsers);
export const resendInvitationsAction = consoleAction(bulkUsersSchema, (db, actor, input) => resendInvitations(db, actor, input));
export const revokeInvitationsAction = consoleAction(bulkUsersSchema, revokeInvitations);
export const setUsersLocationAction = consoleAction(setUsersLocationSchema, setUsersLocation);
export const sendDeviceLogAction = consoleAction(sendDeviceLogSchema, (db, actor, input) => sendDeviceLog(db, actor, input));
export const applyTagAction = consoleAction(applyUserTagSchema, applyTag);
export const removeTagAction = consoleAction(removeUserTagSchema, removeTag);

/** The Apply tag dialog's picker: the tenant's tags, and whether new ones may be made. */
export const tagChoicesAction = consoleRead(orgRefSchema, (db, actor) => tagChoices(db, actor));

/** The Remove tag dialog's choices: the tags the selected users carry. */
export const userTagsCarriedAction = consoleRead(userTagsCarriedSchema, tagsCarriedByUsers);

/** The edit dialog's data: the user's details and the locations of their org. */
export const userDetailsAction = consoleRead(userRefSchema, (db, actor, input) => userDetails(db, actor, input.userId));

/** The role side panel: what a role may do in an org. */
export const roleGrantsAction = consoleRead(roleGrantsSchema, roleGrantsIn);

/** The orgs the dialogs may target (invite into, transfer to), loaded when a dialog opens. */
export const orgOptionsAction = consoleRead(orgRefSchema, (db, actor) => orgsInView(db, actor));
