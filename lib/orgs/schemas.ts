// Input of the organization commands, shared by the forms and the server actions.
import { z } from "zod";
import type { OrgType } from "@/lib/policy/plans";
import { emailSchema } from "@/lib/users/email";
import { nameSchema } from "@/lib/users/schemas";
import { isTimeZone } from "./time-zones";

const SUB_ORG_TYPES = ["client", "distributor", "reseller", "contractor", "installer"] as const satisfies readonly Exclude<OrgType, "root">[];
export type SubOrgType = (typeof SUB_ORG_TYPES)[number];

const CONTROL = /[\u0000-\u001f\u007f]/;

export const orgNameSchema = z
  .string()
  .trim()
  .min(3, "Use at least 3 characters.")
  .max(80, "Use at most 80 characters.")
  .refine((s) => !CONTROL.test(s), "Use letters, digits and punctuation only.");
const orgDescriptionSchema = z.string().trim().max(500, "Use at most 500 characters.").default("");

export const createOrgSchema = z.strictObject({
  orgId: z.uuid(),
  parentId: z.uuid(),
  name: orgNameSchema,
  description: orgDescriptionSchema,
  type: z.enum(SUB_ORG_TYPES, { error: "Choose a type." }),
  canCreateSubOrgs: z.boolean().default(false),
  /** At least one Admin is invited with the org, in the same transaction (product.md §6). */
  admins: z.array(z.strictObject({ name: nameSchema, email: emailSchema })).min(1, "Invite at least one Admin.").max(10),
});

export const editOrgSchema = z.strictObject({
  orgId: z.uuid(),
  targetOrgId: z.uuid(),
  name: orgNameSchema,
  description: orgDescriptionSchema,
  canCreateSubOrgs: z.boolean(),
});

export const timeZoneSchema = z.string().max(64, "Choose a time zone from the list.").refine(isTimeZone, "Choose a time zone from the list.");

/** Settings → Organization: the current org's own name, description and time zone (org.settings). */
export const orgSettingsSchema = z.strictObject({
  orgId: z.uuid(),
  name: orgNameSchema,
  description: orgDescriptionSchema,
  timezone: timeZoneSchema,
});

export const deleteOrgSchema = z.strictObject({ orgId: z.uuid(), targetOrgId: z.uuid(), confirm: z.literal("DELETE", { error: "Type DELETE to confirm." }) });
