"use server";
// The devices page's server actions: each declares its input and runs one command (lib/devices/commands).
import { z } from "zod";
import { consoleAction, consoleRead } from "@/lib/action";
import { applyDeviceTag } from "@/lib/devices/commands/apply-tag";
import { createDevice } from "@/lib/devices/commands/create";
import { deleteDevice, deleteDevices } from "@/lib/devices/commands/delete";
import { editDevice } from "@/lib/devices/commands/edit";
import { transferDevice } from "@/lib/devices/commands/transfer";
import { ownerSearchSchema, searchOwners } from "@/lib/devices/owners";
import { createDeviceSchema, deleteDeviceSchema, deleteDevicesSchema, editDeviceSchema, transferDeviceSchema } from "@/lib/devices/schemas";
import { setDevicesLocation } from "@/lib/locations/commands/set-devices-location";
import { assertMayViewLocations } from "@/lib/locations/list";
import { setDevicesLocationSchema, usableLocationsSchema } from "@/lib/locations/schemas";
import { usableLocations } from "@/lib/locations/usable";
import { removeDeviceTag } from "@/lib/devices/commands/remove-tag";
import { tagChoices, tagsCarriedByDevices } from "@/lib/tags/queries";
import { applyDeviceTagSchema, deviceTagsCarriedSchema, removeDeviceTagSchema } from "@/lib/tags/schemas";

export const transferDeviceAction = consoleAction(transferDeviceSchema, transferDevice);
export const createDeviceAction = consoleAction(createDeviceSchema, createDevice);
export const editDeviceAction = consoleAction(editDeviceSchema, editDevice);
export const deleteDeviceAction = consoleAction(deleteDeviceSchema, deleteDevice);
export const deleteDevicesAction = consoleAction(deleteDevicesSchema, deleteDevices);
export const searchOwnersAction = consoleRead(ownerSearchSchema, searchOwners);
export const setDevicesLocationAction = consoleAction(setDevicesLocationSchema, setDevicesLocation);

/** The location picker's options: the locations usable in the org shown. */
export const deviceLocationOptionsAction = consoleRead(usableLocationsSchema, async (db, actor) => {
  assertMayViewLocations(actor);
  return usableLocations(db, actor);
});
export const applyDeviceTagAction = consoleAction(applyDeviceTagSchema, applyDeviceTag);
export const removeDeviceTagAction = consoleAction(removeDeviceTagSchema, removeDeviceTag);
/** The Apply tag dialog's picker: the tenant's tags, and whether new ones may be made. */
export const deviceTagChoicesAction = consoleRead(z.strictObject({ orgId: z.uuid() }), (db, actor) => tagChoices(db, actor));
/** The Remove tag dialog's choices: the tags the selected devices carry. */
export const deviceTagsCarriedAction = consoleRead(deviceTagsCarriedSchema, (db, actor, input) => tagsCarriedByDevices(db, actor, input.deviceIds));
