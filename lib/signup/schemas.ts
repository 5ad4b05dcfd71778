// Input of the sign-up and join forms, shared by the forms and the server actions (which
// re-validate, with the server's password policy on top).
import { z } from "zod";
import { orgNameSchema } from "@/lib/orgs/schemas";
import { emailSchema } from "@/lib/users/email";
import { nameSchema, passwordInputSchema } from "@/lib/users/schemas";

/** A tenant's public join handle, as the tenants_handle_ck constraint allows it. */
export const handleSchema = z.string().regex(/^[a-z0-9](?:[a-z0-9-]{1,38}[a-z0-9])$/, "Use 3–40 lower-case letters, digits and dashes.");

export const signupFormSchema = z.strictObject({ name: nameSchema, email: emailSchema, password: passwordInputSchema, orgName: orgNameSchema });
export const joinFormSchema = z.strictObject({ handle: handleSchema, name: nameSchema, email: emailSchema, password: passwordInputSchema });
export const signupTokenSchema = z.strictObject({ token: z.string().max(100) });
