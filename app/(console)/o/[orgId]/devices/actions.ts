"use server";
import { consoleAction, consoleRead } from "@/lib/action";
import { createDevice } from "@/lib/devices/commands/create";
import { deleteDevice } from "@/lib/devices/commands/delete";
import { transferDevice } from "@/lib/devices/commands/transfer";
import { searchOwners } from "@/lib/devices/owners";

export async function transferDeviceAction(input: unknown) {
  return consoleAction(input, (db, actor, raw) => transferDevice(db, actor, raw));
}
export async function createDeviceAction(input: unknown) {
  return consoleAction(input, (db, actor, raw) => createDevice(db, actor, raw));
}
export async function deleteDeviceAction(input: unknown) {
  return consoleAction(input, (db, actor, raw) => deleteDevice(db, actor, raw));
}
export async function searchOwnersAction(input: unknown) {
  return consoleRead(input, (db, actor, raw) => searchOwners(db, actor, raw));
}
