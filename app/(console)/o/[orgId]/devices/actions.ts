"use server";
import { consoleAction } from "@/lib/action";
import { transferDevice } from "@/lib/devices/commands/transfer";

export async function transferDeviceAction(input: unknown) {
  return consoleAction(input, (db, actor, raw) => transferDevice(db, actor, raw));
}
