// Input schemas of the user actions, shared by the forms (react-hook-form resolver) and the
// server actions, which always re-validate. Objects are strict: an unexpected key is INVALID
// (security.md A6).
import { z } from "zod";
import { idListSchema } from "@/lib/commands/bulk";
import { emailSchema } from "./email";
import { userFiltersSchema } from "./filters";

// No control characters: names end up in email subjects and CSV files (security.md F6).
const CONTROL = /[\u0000-\u001f\u007f]/;

export const nameSchema = z
  .string()
  .trim()
  .min(1, "Enter a name.")
  .max(60, "Use at most 60 characters.")
  .refine((s) => !CONTROL.test(s), "Use letters, digits and punctuation only.");

const phoneSchema = z
  .string()
  .trim()
  .max(30, "Use at most 30 characters.")
  .regex(/^[+0-9 ()./-]*$/, "Use digits, spaces and + ( ) - only.")
  .transform((s) => (s === "" ? null : s));

const roleKeySchema = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, "Choose a role.");
const orgIdSchema = z.uuid();
const locationIdsSchema = z.array(z.uuid()).max(20, "At most 20 locations.").default([]);

// What the form can send as a new password; the server also refuses well-known passwords.
export const passwordInputSchema = z.string().min(8, "Use at least 8 characters.").max(256, "Use at most 256 characters.");

export const inviteSchema = z.strictObject({
  orgId: orgIdSchema,
  /** The org to invite into; defaults to the current one. */
  targetOrgId: orgIdSchema.optional(),
  name: nameSchema,
  email: emailSchema,
  role: roleKeySchema,
  phone: phoneSchema.optional(),
  locationIds: locationIdsSchema,
});

export const editUserSchema = z.strictObject({
  orgId: orgIdSchema,
  userId: z.uuid(),
  name: nameSchema,
  phone: phoneSchema.optional(),
  role: roleKeySchema,
  locationIds: locationIdsSchema,
});

/** A bulk action names its users, or asks for every user matching the table's filters. */
export const selection = { userIds: idListSchema.optional(), matching: userFiltersSchema.optional() };
export const oneSelection = <T extends { userIds?: string[]; matching?: unknown }>(value: T) => (value.userIds === undefined) !== (value.matching === undefined);
export const selectionMessage = { message: "Select users, or choose all matching users.", path: ["userIds"] };

export const bulkUsersSchema = z.strictObject({ orgId: orgIdSchema, ...selection }).refine(oneSelection, selectionMessage);
export const changeRoleSchema = z.strictObject({ orgId: orgIdSchema, ...selection, role: roleKeySchema }).refine(oneSelection, selectionMessage);
export const adminPasswordSchema = z.strictObject({ orgId: orgIdSchema, userId: z.uuid(), password: passwordInputSchema });
export const ownPasswordSchema = z.strictObject({ currentPassword: z.string().min(1, "Enter your current password.").max(256), newPassword: passwordInputSchema });
export const deleteUsersSchema = z.strictObject({
  orgId: orgIdSchema,
  ...selection,
  /** The deleted users' devices pass to the acting admin unless this is "unowned". */
  devices: z.enum(["to_me", "unowned"]).default("to_me"),
  confirm: z.literal("DELETE", { error: "Type DELETE to confirm." }),
}).refine(oneSelection, selectionMessage);
export const transferUserSchema = z.strictObject({
  orgId: orgIdSchema,
  userId: z.uuid(),
  /** The destination, by id or by the email of an Admin there. */
  destination: z.union([z.strictObject({ orgId: orgIdSchema }), z.strictObject({ adminEmail: emailSchema })]),
  role: roleKeySchema,
  moveDevices: z.boolean().default(true),
});
/** The periods a device log may cover, in days (the dialog's three choices). */
export const DEVICE_LOG_DAYS = [7, 30, 90] as const;
export const sendDeviceLogSchema = z.strictObject({
  orgId: orgIdSchema,
  userId: z.uuid(),
  days: z.union(DEVICE_LOG_DAYS.map((d) => z.literal(d)), { error: "Choose 7, 30 or 90 days." }),
});
export const ownDetailsSchema = z.strictObject({ name: nameSchema, phone: phoneSchema.optional() });
export const developerModeSchema = z.strictObject({ enabled: z.boolean() });
export const acceptTokenSchema = z.strictObject({ token: z.string().max(100), password: passwordInputSchema });
export const forgotPasswordSchema = z.strictObject({ email: emailSchema });

