import { z } from "zod";

export const transferDeviceSchema = z.strictObject({
  orgId: z.uuid(),
  deviceId: z.uuid(),
  /** Move the device to this org (a sub-org in reach); omitted: it stays where it is. */
  destinationOrgId: z.uuid().optional(),
  /** The new owner, or null to clear the owner. */
  newOwnerId: z.uuid().nullable(),
});
