"use server";
// The settings page's server actions: each declares its input and runs one command.
import { consoleAction } from "@/lib/action";
import { updateSelfSignup } from "@/lib/tenants/commands/self-signup";
import { selfSignupSchema } from "@/lib/tenants/schemas";

export const updateSelfSignupAction = consoleAction(selfSignupSchema, updateSelfSignup);
