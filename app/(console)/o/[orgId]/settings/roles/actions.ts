"use server";
import { consoleAction } from "@/lib/action";
import { updateGrants } from "@/lib/roles/commands/update-grants";

export async function updateGrantsAction(input: unknown) {
  return consoleAction(input, (db, actor, raw) => updateGrants(db, actor, raw));
}
