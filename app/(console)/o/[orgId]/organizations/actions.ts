"use server";
import { consoleAction } from "@/lib/action";
import { createOrg } from "@/lib/orgs/commands/create";
import { deleteOrg } from "@/lib/orgs/commands/delete";
import { editOrg } from "@/lib/orgs/commands/edit";

export async function createOrgAction(input: unknown) {
  return consoleAction(input, (db, actor, raw) => createOrg(db, actor, raw));
}
export async function editOrgAction(input: unknown) {
  return consoleAction(input, (db, actor, raw) => editOrg(db, actor, raw));
}
export async function deleteOrgAction(input: unknown) {
  return consoleAction(input, (db, actor, raw) => deleteOrg(db, actor, raw));
}
