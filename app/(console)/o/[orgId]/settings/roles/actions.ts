"use server";
// The roles page's server actions: each declares its input and runs one command (lib/roles/commands).
import { consoleAction } from "@/lib/action";
import { createRole, deleteRole, renameRole } from "@/lib/roles/commands/custom-roles";
import { updateGrants } from "@/lib/roles/commands/update-grants";
import { createRoleSchema, deleteRoleSchema, renameRoleSchema, updateGrantsSchema } from "@/lib/roles/schemas";

export const updateGrantsAction = consoleAction(updateGrantsSchema, updateGrants);
export const createRoleAction = consoleAction(createRoleSchema, createRole);
export const renameRoleAction = consoleAction(renameRoleSchema, renameRole);
export const deleteRoleAction = consoleAction(deleteRoleSchema, deleteRole);
