// Input schemas of the location actions, shared by the forms and the server actions (which
// always re-validate). Objects are strict: an unexpected key is INVALID (security.md A6).
import { z } from "zod";
import { idListSchema } from "@/lib/commands/bulk";
import { userFiltersSchema } from "@/lib/users/filters";

// No control characters: names end up in CSV files and emails (security.md F6).
const CONTROL = /[\u0000-\u001f\u007f]/;
const plain = "Use letters, digits and punctuation only.";

export const LOCATION_NAME_MAX = 80;
export const LOCATION_ADDRESS_MAX = 300;

const nameSchema = z.string().trim().min(1, "Enter a name.").max(LOCATION_NAME_MAX, `Use at most ${LOCATION_NAME_MAX} characters.`).refine((s) => !CONTROL.test(s), plain);
const addressSchema = z.string().trim().max(LOCATION_ADDRESS_MAX, `Use at most ${LOCATION_ADDRESS_MAX} characters.`).refine((s) => !CONTROL.test(s), plain).default("");
const latitudeSchema = z.number("Enter a latitude in degrees.").finite().min(-90, "Latitude is between −90 and 90.").max(90, "Latitude is between −90 and 90.").nullable().default(null);
const longitudeSchema = z.number("Enter a longitude in degrees.").finite().min(-180, "Longitude is between −180 and 180.").max(180, "Longitude is between −180 and 180.").nullable().default(null);

/** A map pin needs both coordinates, or neither (the database checks it too). */
const bothOrNeither = (v: { latitude: number | null; longitude: number | null }) => (v.latitude === null) === (v.longitude === null);
const pinMessage = { message: "Give both latitude and longitude, or neither.", path: ["longitude"] };

const fields = { name: nameSchema, address: addressSchema, latitude: latitudeSchema, longitude: longitudeSchema };

export const createLocationSchema = z.strictObject({ orgId: z.uuid(), ...fields }).refine(bothOrNeither, pinMessage);
export const editLocationSchema = z.strictObject({ orgId: z.uuid(), locationId: z.uuid(), ...fields }).refine(bothOrNeither, pinMessage);
export const deleteLocationSchema = z.strictObject({
  orgId: z.uuid(),
  locationId: z.uuid(),
  /** Required when people or devices are at the location (the command says so). */
  confirm: z.literal("DELETE", { error: "Type DELETE to confirm." }).optional(),
});

/** The users' location: one location (replacing theirs) or null for "No location". */
const selection = { userIds: idListSchema.optional(), matching: userFiltersSchema.optional() };
export const setUsersLocationSchema = z
  .strictObject({ orgId: z.uuid(), ...selection, locationId: z.uuid().nullable() })
  .refine((v) => (v.userIds === undefined) !== (v.matching === undefined), { message: "Select users, or choose all matching users.", path: ["userIds"] });

const deviceIdsSchema = z
  .array(z.uuid())
  .min(1, "Select at least one device.")
  .max(1000, "At most 1000 at once.")
  .transform((ids) => [...new Set(ids.map((id) => id.toLowerCase()))]);
export const setDevicesLocationSchema = z.strictObject({ orgId: z.uuid(), deviceIds: deviceIdsSchema, locationId: z.uuid().nullable() });

/** The picker's options: the locations usable in the org shown. */
export const usableLocationsSchema = z.strictObject({ orgId: z.uuid() });
