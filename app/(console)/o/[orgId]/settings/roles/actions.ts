"use server";
import { consoleAction } from "@/lib/action";
import { createRole, deleteRole, renameRole } from "@/lib/roles/commands/custom-roles";
import { updateGrants } from "@/lib/roles/commands/update-grants";

export async function updateGrantsAction(input: unknown) {
  return consoleAction(input, (db, actor, raw) => updateGrants(db, actor, raw));
}
export async function createRoleAction(input: unknown) {
  return consoleAction(input, (db, actor, raw) => createRole(db, actor, raw));
}
export async function renameRoleAction(input: unknown) {
  return consoleAction(input, (db, actor, raw) => renameRole(db, actor, raw));
}
export async function deleteRoleAction(input: unknown) {
  return consoleAction(input, (db, actor, raw) => deleteRole(db, actor, raw));
}
