import "server-only";
import { asc, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { locations, userLocations, users } from "@/db/schema";
import type { Actor } from "@/lib/commands/actor";
import type { BulkResult, Skipped } from "@/lib/commands/bulk";
import { notFound } from "@/lib/errors";
import { isAnyOf } from "@/lib/sql/any-of";
import { runOnUsers } from "@/lib/users/commands/run-on-users";
import type { setUsersLocationSchema } from "../schemas";
import { lockUsableLocation } from "../usable";

/**
 * Gives users one location (replacing the ones they had), or none ("No location"): the bulk
 * "Set location" of the users table. The location must be usable in the org shown, so it is
 * usable in every org below it too; a user who already has exactly that is reported, unchanged.
 */
export async function setUsersLocation(db: Db, actor: Actor, input: z.output<typeof setUsersLocationSchema>): Promise<BulkResult> {
  const tenantId = actor.viewer.tenant.id;
  let location: { id: string; name: string } | null = null;
  const had = new Map<string, string[]>();
  return runOnUsers(db, actor, input, {
    action: "locations.assign",
    prepare: async (tx) => {
      if (!input.locationId) return;
      location = await lockUsableLocation(tx, tenantId, actor.org.path, input.locationId);
      if (!location) throw notFound();
    },
    refuse: async (tx, list) => {
      const ids = list.map((u) => u.id);
      const rows = await tx
        .select({ userId: userLocations.userId, id: locations.id, name: locations.name })
        .from(userLocations)
        .innerJoin(locations, eq(locations.id, userLocations.locationId))
        .where(isAnyOf(userLocations.userId, ids))
        .orderBy(asc(locations.name));
      const ofUser = new Map<string, { id: string; name: string }[]>();
      for (const r of rows) ofUser.set(r.userId, [...(ofUser.get(r.userId) ?? []), { id: r.id, name: r.name }]);
      const refused = new Map<string, Pick<Skipped, "code" | "refusal" | "reason">>();
      for (const user of list) {
        const current = ofUser.get(user.id) ?? [];
        had.set(user.id, current.map((l) => l.name));
        const same = location ? current.length === 1 && current[0]!.id === location.id : current.length === 0;
        if (same) refused.set(user.id, { code: "CONFLICT", refusal: "ALREADY_AT_LOCATION", reason: location ? `Already at ${location.name}` : "Has no location already" });
      }
      return refused;
    },
    apply: async (tx, list) => {
      const ids = list.map((u) => u.id);
      await tx.delete(userLocations).where(isAnyOf(userLocations.userId, ids));
      if (location) await tx.insert(userLocations).values(list.map((u) => ({ tenantId, userId: u.id, locationId: location!.id })));
      await tx.update(users).set({ locationName: location?.name ?? null }).where(isAnyOf(users.id, ids));
    },
    audit: (user) => ({ action: "user_location_set", before: { locations: had.get(user.id) ?? [] }, after: { location: location?.name ?? null } }),
  });
}
