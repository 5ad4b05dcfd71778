// Input schemas of the tag actions, shared by the forms and the server actions (which always
// re-validate). Objects are strict: an unexpected key is INVALID (security.md A6).
import { z } from "zod";
import { oneSelection, selection, selectionMessage } from "@/lib/users/schemas";

/** The colours a tag may have: each chip reads in light and dark mode (components/tags/tag-chip.tsx). */
export const TAG_COLORS = ["slate", "red", "orange", "amber", "green", "teal", "blue", "violet", "pink"] as const;
export type TagColor = (typeof TAG_COLORS)[number];
export const TAG_COLOR_LABELS: Readonly<Record<TagColor, string>> = {
  slate: "Slate",
  red: "Red",
  orange: "Orange",
  amber: "Amber",
  green: "Green",
  teal: "Teal",
  blue: "Blue",
  violet: "Violet",
  pink: "Pink",
};

export const tagNameSchema = z
  .string()
  .trim()
  .min(1, "Enter a tag name.")
  .max(30, "Use at most 30 characters.")
  // No control characters: tag names end up in CSV files (security.md F6).
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), "Use letters, digits and punctuation only.");

export const tagColorSchema = z.enum(TAG_COLORS, { error: "Choose a colour." });

export const createTagSchema = z.strictObject({ orgId: z.uuid(), name: tagNameSchema, color: tagColorSchema.default("slate") });
export const editTagSchema = z.strictObject({ orgId: z.uuid(), tagId: z.uuid(), name: tagNameSchema, color: tagColorSchema });
export const deleteTagSchema = z.strictObject({ orgId: z.uuid(), tagId: z.uuid() });

/** Apply picks a tag of the tenant by id, or creates one by name ("Create “x”" in the picker). */
export const tagChoiceSchema = z.union([z.strictObject({ id: z.uuid() }), z.strictObject({ name: tagNameSchema, color: tagColorSchema.default("slate") })], {
  error: "Choose a tag.",
});
export type TagChoice = z.output<typeof tagChoiceSchema>;


export const applyUserTagSchema = z.strictObject({ orgId: z.uuid(), ...selection, tag: tagChoiceSchema }).refine(oneSelection, selectionMessage);
export const removeUserTagSchema = z.strictObject({ orgId: z.uuid(), ...selection, tagId: z.uuid() }).refine(oneSelection, selectionMessage);
/** The tags the selected users carry, for the Remove tag dialog. */
export const userTagsCarriedSchema = z.strictObject({ orgId: z.uuid(), ...selection }).refine(oneSelection, selectionMessage);

const deviceIds = z
  .array(z.uuid())
  .min(1, "Select at least one device.")
  .max(1_000, "At most 1000 at once.")
  .transform((ids) => [...new Set(ids.map((id) => id.toLowerCase()))]);

export const applyDeviceTagSchema = z.strictObject({ orgId: z.uuid(), deviceIds, tag: tagChoiceSchema });
export const removeDeviceTagSchema = z.strictObject({ orgId: z.uuid(), deviceIds, tagId: z.uuid() });
export const deviceTagsCarriedSchema = z.strictObject({ orgId: z.uuid(), deviceIds });
