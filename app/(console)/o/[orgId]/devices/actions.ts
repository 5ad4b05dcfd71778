"use server";
// The devices page's server actions: each declares its input and runs one command (lib/devices/commands).
import { z } from "zod";
import { consoleAction, consoleRead } from "@/lib/action";
import { applyDeviceTag } from "@/lib/devices/commands/apply-tag";
import { createDevice } from "@/lib/devices/commands/create";
import { deleteDevice } from "@/lib/devices/commands/delete";
import { removeDeviceTag } from "@/lib/devices/commands/remove-tag";
import { transferDevice } from "@/lib/devices/commands/transfer";
import { ownerSearchSchema, searchOwners } from "@/lib/devices/owners";
import { createDeviceSchema, deleteDeviceSchema, transferDeviceSchema } from "@/lib/devices/schemas";
import { tagChoices, tagsCarriedByDevices } from "@/lib/tags/queries";
import { applyDeviceTagSchema, deviceTagsCarriedSchema, removeDeviceTagSchema } from "@/lib/tags/schemas";

export const transferDeviceAction = consoleAction(transferDeviceSchema, transferDevice);
export const createDeviceAction = consoleAction(createDeviceSchema, createDevice);
export const deleteDeviceAction = consoleAction(deleteDeviceSchema, deleteDevice);
export const searchOwnersAction = consoleRead(ownerSearchSchema, searchOwners);
export const applyDeviceTagAction = consoleAction(applyDeviceTagSchema, applyDeviceTag);
export const removeDeviceTagAction = consoleAction(removeDeviceTagSchema, removeDeviceTag);
/** The Apply tag dialog's picker: the tenant's tags, and whether new ones may be made. */
export const deviceTagChoicesAction = consoleRead(z.strictObject({ orgId: z.uuid() }), (db, actor) => tagChoices(db, actor));
/** The Remove tag dialog's choices: the tags the selected devices carry. */
export const deviceTagsCarriedAction = consoleRead(deviceTagsCarriedSchema, (db, actor, input) => tagsCarriedByDevices(db, actor, input.deviceIds));
