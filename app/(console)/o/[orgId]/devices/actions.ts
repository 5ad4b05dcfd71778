"use server";
// The devices page's server actions: each declares its input and runs one command (lib/devices/commands).
import { consoleAction, consoleRead } from "@/lib/action";
import { createDevice } from "@/lib/devices/commands/create";
import { deleteDevice } from "@/lib/devices/commands/delete";
import { transferDevice } from "@/lib/devices/commands/transfer";
import { ownerSearchSchema, searchOwners } from "@/lib/devices/owners";
import { createDeviceSchema, deleteDeviceSchema, transferDeviceSchema } from "@/lib/devices/schemas";

export const transferDeviceAction = consoleAction(transferDeviceSchema, transferDevice);
export const createDeviceAction = consoleAction(createDeviceSchema, createDevice);
export const deleteDeviceAction = consoleAction(deleteDeviceSchema, deleteDevice);
export const searchOwnersAction = consoleRead(ownerSearchSchema, searchOwners);
