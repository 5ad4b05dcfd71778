"use server";
// The tags page's server actions: each declares its input and runs one command (lib/tags/commands).
import { consoleAction } from "@/lib/action";
import { createTag } from "@/lib/tags/commands/create";
import { deleteTag } from "@/lib/tags/commands/delete";
import { editTag } from "@/lib/tags/commands/edit";
import { createTagSchema, deleteTagSchema, editTagSchema } from "@/lib/tags/schemas";

export const createTagAction = consoleAction(createTagSchema, createTag);
export const editTagAction = consoleAction(editTagSchema, editTag);
export const deleteTagAction = consoleAction(deleteTagSchema, deleteTag);
