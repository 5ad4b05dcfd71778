"use server";
// The devices page's server actions: each declares its input and runs one command (lib/devices/commands).
import { consoleAction, consoleRead } from "@/lib/action";
import { createDevice } from "@/lib/devices/commands/create";
import { deleteDevice } from "@/lib/devices/commands/delete";
import { transferDevice } from "@/lib/devices/commands/transfer";
import { ownerSearchSchema, searchOwners } from "@/lib/devices/owners";
import { createDeviceSchema, deleteDeviceSchema, transferDeviceSchema } from "@/lib/devices/schemas";
import { setDevicesLocation } from "@/lib/locations/commands/set-devices-location";
import { assertMayViewLocations } from "@/lib/locations/list";
import { setDevicesLocationSchema, usableLocationsSchema } from "@/lib/locations/schemas";
import { usableLocations } from "@/lib/locations/usable";

export const transferDeviceAction = consoleAction(transferDeviceSchema, transferDevice);
export const createDeviceAction = consoleAction(createDeviceSchema, createDevice);
export const deleteDeviceAction = consoleAction(deleteDeviceSchema, deleteDevice);
export const searchOwnersAction = consoleRead(ownerSearchSchema, searchOwners);
export const setDevicesLocationAction = consoleAction(setDevicesLocationSchema, setDevicesLocation);

/** The location picker's options: the locations usable in the org shown. */
export const deviceLocationOptionsAction = consoleRead(usableLocationsSchema, async (db, actor) => {
  assertMayViewLocations(actor);
  return usableLocations(db, actor);
});
