"use server";
// The organizations page's server actions: each declares its input and runs one command (lib/orgs/commands).
import { consoleAction } from "@/lib/action";
import { createOrg } from "@/lib/orgs/commands/create";
import { deleteOrg } from "@/lib/orgs/commands/delete";
import { editOrg } from "@/lib/orgs/commands/edit";
import { createOrgSchema, deleteOrgSchema, editOrgSchema } from "@/lib/orgs/schemas";

export const createOrgAction = consoleAction(createOrgSchema, (db, actor, input) => createOrg(db, actor, input));
export const editOrgAction = consoleAction(editOrgSchema, editOrg);
export const deleteOrgAction = consoleAction(deleteOrgSchema, deleteOrg);
