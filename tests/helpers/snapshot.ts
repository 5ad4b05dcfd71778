// A serialisation of every row a user command may write, to prove that a refusal changed
// nothing: take one before, one after, and compare (a failing diff names the table and row).
import { asc } from "drizzle-orm";
import { expect } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, devices, locations, organizations, outbox, resetRequests, roleGrants, roles, sessions, tags, tenants, userLocations, userTags, users, userTokens } from "@/db/schema";
import { DomainError } from "@/lib/errors";

const serialise = (rows: readonly object[]) => rows.map((row) => JSON.stringify(row));

export type Snapshot = Awaited<ReturnType<typeof snapshot>>;

export async function snapshot(db: Db) {
  return {
    users: serialise(await db.select().from(users).orderBy(asc(users.id))),
    devices: serialise(await db.select().from(devices).orderBy(asc(devices.id))),
    user_tokens: serialise(await db.select().from(userTokens).orderBy(asc(userTokens.id))),
    outbox: serialise(await db.select().from(outbox).orderBy(asc(outbox.id))),
    reset_requests: serialise(await db.select().from(resetRequests).orderBy(asc(resetRequests.id))),
    audit_log: serialise(await db.select().from(auditLog).orderBy(asc(auditLog.id))),
    user_tags: serialise(await db.select().from(userTags).orderBy(asc(userTags.userId), asc(userTags.tagId))),
    tags: serialise(await db.select().from(tags).orderBy(asc(tags.id))),
    sessions: serialise(await db.select().from(sessions).orderBy(asc(sessions.id))),
    user_locations: serialise(await db.select().from(userLocations).orderBy(asc(userLocations.userId), asc(userLocations.locationId))),
    locations: serialise(await db.select().from(locations).orderBy(asc(locations.id))),
    organizations: serialise(await db.select().from(organizations).orderBy(asc(organizations.id))),
    roles: serialise(await db.select().from(roles).orderBy(asc(roles.id))),
    role_grants: serialise(await db.select().from(roleGrants).orderBy(asc(roleGrants.orgId), asc(roleGrants.roleId), asc(roleGrants.permission))),
    tenants: serialise(await db.select().from(tenants).orderBy(asc(tenants.id))),
  };
}

/** Runs `work`, which must be refused with a DomainError, and proves the database did not change. */
export async function refusedWithoutChange(db: Db, work: () => Promise<unknown>): Promise<DomainError> {
  const before = await snapshot(db);
  const error = await work().then(
    (value) => new Error(`expected a refusal, got ${JSON.stringify(value)}`),
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect(await snapshot(db)).toEqual(before);
  return error as DomainError;
}

/** Runs `work` (a bulk command that refuses row by row) and proves the database did not change. */
export async function withoutChange<T>(db: Db, work: () => Promise<T>): Promise<T> {
  const before = await snapshot(db);
  const result = await work();
  expect(await snapshot(db)).toEqual(before);
  return result;
}

/**
 * How a command refused, after proving the database did not change: `upFront` when it refused
 * the whole request before looking anyone up (no permission to act on users at all), otherwise
 * the first skipped row of its bulk result.
 */
export async function refusalWithoutChange(db: Db, work: () => Promise<{ done: readonly string[]; skipped: readonly { code: string }[] } | void>) {
  const before = await snapshot(db);
  const outcome = await work().then(
    (result) => {
      expect(result?.done ?? []).toEqual([]);
      return { upFront: false, code: result?.skipped[0]?.code };
    },
    (thrown: unknown) => {
      expect(thrown).toBeInstanceOf(DomainError);
      return { upFront: true, code: (thrown as DomainError).code };
    },
  );
  expect(await snapshot(db)).toEqual(before);
  return outcome;
}
