// Input of the operator's commands (npm run roster), checked before any of them runs.
import { z } from "zod";
import { orgNameSchema } from "@/lib/orgs/schemas";
import { PLAN_KEYS } from "@/lib/policy";
import { emailSchema } from "@/lib/users/email";
import { nameSchema } from "@/lib/users/schemas";

const planSchema = z.enum(PLAN_KEYS, { error: `Choose a plan: ${PLAN_KEYS.join(", ")}.` });
const tenantIdSchema = z.uuid({ error: "A tenant id is a UUID, as `tenant list` prints it." });

export const createTenantSchema = z.strictObject({
  name: orgNameSchema,
  plan: planSchema,
  adminEmail: emailSchema,
  adminName: nameSchema.optional(),
});

export const tenantRefSchema = z.strictObject({ tenantId: tenantIdSchema });

export const setPlanSchema = z.strictObject({ tenantId: tenantIdSchema, plan: planSchema });

export const deleteTenantSchema = z.strictObject({ tenantId: tenantIdSchema, confirm: z.string() });

export const resetLinkSchema = z.strictObject({ email: emailSchema });
