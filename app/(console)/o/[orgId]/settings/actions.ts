"use server";
// The settings page's server actions: each declares its input and runs one command.
import { consoleAction } from "@/lib/action";
import { editOrgSettings } from "@/lib/orgs/commands/settings";
import { orgSettingsSchema } from "@/lib/orgs/schemas";
import { updateSelfSignup } from "@/lib/tenants/commands/self-signup";
import { selfSignupSchema } from "@/lib/tenants/schemas";

export const editOrgSettingsAction = consoleAction(orgSettingsSchema, editOrgSettings);
export const updateSelfSignupAction = consoleAction(selfSignupSchema, updateSelfSignup);
