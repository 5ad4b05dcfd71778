// The commands as the server actions run them: the input first parsed by the schema the action
// declares (app/**/actions.ts), so tests can send raw input — including input that must be refused.
import type { z } from "zod";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/commands/actor";
import { parseInput } from "@/lib/commands/parse";
import * as deviceCreate from "@/lib/devices/commands/create";
import * as deviceDelete from "@/lib/devices/commands/delete";
import * as deviceEdit from "@/lib/devices/commands/edit";
import * as deviceTransfer from "@/lib/devices/commands/transfer";
import { ownerSearchSchema, searchOwners as searchOwnersCommand } from "@/lib/devices/owners";
import { createDeviceSchema, deleteDeviceSchema, deleteDevicesSchema, editDeviceSchema, transferDeviceSchema } from "@/lib/devices/schemas";
import * as locationDelete from "@/lib/locations/commands/delete";
import * as locationManage from "@/lib/locations/commands/manage";
import * as devicesLocation from "@/lib/locations/commands/set-devices-location";
import * as usersLocation from "@/lib/locations/commands/set-users-location";
import { createLocationSchema, deleteLocationSchema, editLocationSchema, setDevicesLocationSchema, setUsersLocationSchema } from "@/lib/locations/schemas";
import * as orgCreate from "@/lib/orgs/commands/create";
import * as orgDelete from "@/lib/orgs/commands/delete";
import * as orgEdit from "@/lib/orgs/commands/edit";
import * as orgSettings from "@/lib/orgs/commands/settings";
import { createOrgSchema, deleteOrgSchema, editOrgSchema, orgSettingsSchema } from "@/lib/orgs/schemas";
import * as customRoles from "@/lib/roles/commands/custom-roles";
import * as signupFinish from "@/lib/signup/commands/finish";
import * as signupRequest from "@/lib/signup/commands/request";
import { signupTokenSchema } from "@/lib/signup/schemas";
import * as grants from "@/lib/roles/commands/update-grants";
import { createRoleSchema, deleteRoleSchema, renameRoleSchema, updateGrantsSchema } from "@/lib/roles/schemas";
import * as selfSignup from "@/lib/tenants/commands/self-signup";
import { selfSignupSchema } from "@/lib/tenants/schemas";
import * as recovery from "@/lib/users/commands/account-recovery";
import * as tag from "@/lib/users/commands/apply-tag";
import * as untag from "@/lib/users/commands/remove-tag";
import * as deviceTag from "@/lib/devices/commands/apply-tag";
import * as deviceUntag from "@/lib/devices/commands/remove-tag";
import * as tagCreate from "@/lib/tags/commands/create";
import * as tagEdit from "@/lib/tags/commands/edit";
import * as tagDelete from "@/lib/tags/commands/delete";
import { applyDeviceTagSchema, applyUserTagSchema, createTagSchema, deleteTagSchema, editTagSchema, removeDeviceTagSchema, removeUserTagSchema } from "@/lib/tags/schemas";
import * as role from "@/lib/users/commands/change-role";
import * as del from "@/lib/users/commands/delete";
import * as edit from "@/lib/users/commands/edit";
import * as invitations from "@/lib/users/commands/invitations";
import * as invite from "@/lib/users/commands/invite";
import * as own from "@/lib/users/commands/own-account";
import * as deviceLog from "@/lib/users/commands/send-device-log";
import * as sessions from "@/lib/users/commands/sessions";
import * as password from "@/lib/users/commands/set-password";
import * as suspend from "@/lib/users/commands/suspend";
import * as transfer from "@/lib/users/commands/transfer";
import { sendDeviceLogSchema } from "@/lib/users/schemas";
import { bulkUsersSchema, changeRoleSchema, deleteUsersSchema, developerModeSchema, editUserSchema, forgotPasswordSchema, inviteSchema, ownDetailsSchema, transferUserSchema } from "@/lib/users/schemas";

// Each wrapper keeps its schema, so a test can check it is the one the action declares.
function sent<S extends z.ZodType, R extends unknown[], T>(schema: S, command: (db: Db, actor: Actor, input: z.output<S>, ...rest: R) => Promise<T>) {
  const run = async (db: Db, actor: Actor, raw: unknown, ...rest: R): Promise<T> => command(db, actor, parseInput(schema, raw), ...rest);
  return Object.assign(run, { schema });
}

function sentPublic<S extends z.ZodType, M, T>(schema: S, command: (db: Db, input: z.output<S>, meta: M) => Promise<T>) {
  const run = async (db: Db, raw: unknown, meta: M): Promise<T> => command(db, parseInput(schema, raw), meta);
  return Object.assign(run, { schema });
}

export const inviteUser = sent(inviteSchema, invite.inviteUser);
export const editUser = sent(editUserSchema, edit.editUser);
export const changeRoles = sent(changeRoleSchema, role.changeRoles);
export const setUserPassword = sent(password.setUserPasswordSchema, password.setUserPassword);
export const forceLogout = sent(bulkUsersSchema, sessions.forceLogout);
export const suspendUsers = sent(bulkUsersSchema, suspend.suspendUsers);
export const reactivateUsers = sent(bulkUsersSchema, suspend.reactivateUsers);
export const transferUser = sent(transferUserSchema, transfer.transferUser);
export const deleteUsers = sent(deleteUsersSchema, del.deleteUsers);
export const resendInvitations = sent(bulkUsersSchema, invitations.resendInvitations);
export const revokeInvitations = sent(bulkUsersSchema, invitations.revokeInvitations);
export const sendDeviceLog = sent(sendDeviceLogSchema, deviceLog.sendDeviceLog);
export const applyTag = sent(applyUserTagSchema, tag.applyTag);
export const removeTag = sent(removeUserTagSchema, untag.removeTag);
export const changeOwnPassword = sent(own.changeOwnPasswordSchema, own.changeOwnPassword);
export const setDeveloperMode = sent(developerModeSchema, own.setDeveloperMode);
export const updateOwnDetails = sent(ownDetailsSchema, own.updateOwnDetails);
export const acceptInvitation = sentPublic(recovery.tokenPasswordSchema, recovery.acceptInvitation);
export const resetPassword = sentPublic(recovery.tokenPasswordSchema, recovery.resetPassword);
export const requestPasswordReset = sentPublic(forgotPasswordSchema, recovery.requestPasswordReset);
export const requestSignup = sentPublic(signupRequest.signupSchema, signupRequest.requestSignup);
export const requestJoin = sentPublic(signupRequest.joinSchema, signupRequest.requestJoin);
export const finishSignup = sentPublic(signupTokenSchema, signupFinish.finishSignup);

export const createOrg = sent(createOrgSchema, orgCreate.createOrg);
export const editOrg = sent(editOrgSchema, orgEdit.editOrg);
export const deleteOrg = sent(deleteOrgSchema, orgDelete.deleteOrg);
export const editOrgSettings = sent(orgSettingsSchema, orgSettings.editOrgSettings);

export const createRole = sent(createRoleSchema, customRoles.createRole);
export const renameRole = sent(renameRoleSchema, customRoles.renameRole);
export const deleteRole = sent(deleteRoleSchema, customRoles.deleteRole);
export const updateGrants = sent(updateGrantsSchema, grants.updateGrants);

export const updateSelfSignup = sent(selfSignupSchema, selfSignup.updateSelfSignup);

export const createDevice = sent(createDeviceSchema, deviceCreate.createDevice);
export const deleteDevice = sent(deleteDeviceSchema, deviceDelete.deleteDevice);
export const deleteDevices = sent(deleteDevicesSchema, deviceDelete.deleteDevices);
export const editDevice = sent(editDeviceSchema, deviceEdit.editDevice);
export const transferDevice = sent(transferDeviceSchema, deviceTransfer.transferDevice);
export const searchOwners = sent(ownerSearchSchema, searchOwnersCommand);

export const createLocation = sent(createLocationSchema, locationManage.createLocation);
export const editLocation = sent(editLocationSchema, locationManage.editLocation);
export const deleteLocation = sent(deleteLocationSchema, locationDelete.deleteLocation);
export const setUsersLocation = sent(setUsersLocationSchema, usersLocation.setUsersLocation);
export const setDevicesLocation = sent(setDevicesLocationSchema, devicesLocation.setDevicesLocation);
export const createTag = sent(createTagSchema, tagCreate.createTag);
export const editTag = sent(editTagSchema, tagEdit.editTag);
export const deleteTag = sent(deleteTagSchema, tagDelete.deleteTag);
export const applyDeviceTag = sent(applyDeviceTagSchema, deviceTag.applyDeviceTag);
export const removeDeviceTag = sent(removeDeviceTagSchema, deviceUntag.removeDeviceTag);
