import { z } from "zod";
import { idList } from "@/lib/commands/bulk";

export const transferDeviceSchema = z.strictObject({
  orgId: z.uuid(),
  deviceId: z.uuid(),
  /** Move the device to this org (a sub-org in reach); omitted: it stays where it is. */
  destinationOrgId: z.uuid().optional(),
  /** The new owner, or null to clear the owner. */
  newOwnerId: z.uuid().nullable(),
});

const deviceText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), "Use letters, digits and punctuation only.");

export const createDeviceSchema = z.strictObject({
  orgId: z.uuid(),
  name: deviceText(80).pipe(z.string().min(1, "Enter a name.")),
  model: deviceText(80).default(""),
  /** The owner, a member of the org; omitted: no owner yet. */
  ownerId: z.uuid().optional(),
  /** A location usable in the org (its own or inherited); omitted: none. */
  locationId: z.uuid().optional(),
});

export const deleteDeviceSchema = z.strictObject({ orgId: z.uuid(), deviceId: z.uuid(), confirm: z.literal("DELETE", { error: "Type DELETE to confirm." }) });

export const editDeviceSchema = z.strictObject({
  orgId: z.uuid(),
  deviceId: z.uuid(),
  name: deviceText(80).pipe(z.string().min(1, "Enter a name.")),
  /** Required: an edit sets both, so leaving the model out cannot clear it by accident. */
  model: deviceText(80),
});

/** Deletes exactly the devices named (never "all matching"), confirmed by a typed DELETE. */
export const deleteDevicesSchema = z.strictObject({ orgId: z.uuid(), deviceIds: idList("device"), confirm: z.literal("DELETE", { error: "Type DELETE to confirm." }) });
