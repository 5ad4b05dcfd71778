import { z } from "zod";
import { PERMISSION_KEYS, type Permission } from "@/lib/policy/permissions";

// A short error: zod's default lists every permission of the catalogue.
const permission = z.enum(PERMISSION_KEYS as [Permission, ...Permission[]], { error: "Unknown permission." });

const PROPAGATION = ["none", "changed", "overwrite"] as const;

export const updateGrantsSchema = z
  .strictObject({
    orgId: z.uuid(),
    /** The whole new set of grants of each role edited, in the current org. */
    roles: z
      .array(z.strictObject({ role: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/), grants: z.array(permission).max(PERMISSION_KEYS.length) }))
      .min(1)
      .max(9),
    /** Push to every sub-org: only what changed here, or overwrite theirs with these. */
    propagate: z.enum(PROPAGATION).default("none"),
    confirm: z.string().max(10).optional(),
  })
  .refine((v) => v.propagate === "none" || v.confirm === "APPLY", { message: "Type APPLY to push the change to every sub-organization.", path: ["confirm"] });

const roleName = z
  .string()
  .trim()
  .min(2, "Use at least 2 characters.")
  .max(40, "Use at most 40 characters.")
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), "Use letters, digits and punctuation only.");
const roleKey = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/);

export const createRoleSchema = z.strictObject({ orgId: z.uuid(), name: roleName });
export const renameRoleSchema = z.strictObject({ orgId: z.uuid(), role: roleKey, name: roleName });
export const deleteRoleSchema = z.strictObject({ orgId: z.uuid(), role: roleKey, replacement: roleKey });
