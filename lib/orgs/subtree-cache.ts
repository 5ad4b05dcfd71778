import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { organizations, orgTreeVersions } from "@/db/schema";
import { orgsAtOrBelow } from "./subtree-sql";

/** What a subtree's ids are read for: the tenant (its org tree version as the viewer read it) and the org. */
export type SubtreeOf = { tenantId: string; orgTreeVersion: number; orgId: string; orgPath: string };

type Entry = { version: number; ids: string[] | null };

/** Subtrees remembered by this process; the least recently used is forgotten first. ≤ 1,000 ids each: ~40 KB. */
const MAX_ENTRIES = 500;

// Keyed by tenant and org id: random uuids, so two databases behind one process (the bench,
// the tests) never share a key.
const entries = new Map<string, Entry>();

/**
 * The org ids of a subtree (at most `max`; null when it holds more), cached until the tenant's
 * org tree version moves on. A trigger bumps the version in the same transaction as any org
 * insert, delete or move (db/migrations/0010_org_tree_version.sql), and the viewer reads it
 * with their session, so a request never uses a list older than what it read: a cached list
 * is only ever as stale as the request's own view of the tenant. Reading the list was a large
 * part of a region's users page (bench/README.md). Takes the database,
 * never a transaction: a list read inside one that is later rolled back must not be remembered.
 */
export async function cachedSubtreeOrgIds(db: Db, of: SubtreeOf, max: number): Promise<string[] | null> {
  const key = `${of.tenantId}/${of.orgId}/${max}`;
  const hit = entries.get(key);
  if (hit && hit.version >= of.orgTreeVersion) {
    entries.delete(key);
    entries.set(key, hit);
    return hit.ids;
  }
  const entry = await readSubtree(db, of, max);
  entries.set(key, entry);
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  return entry.ids;
}

/** The ids and the version they belong to, in one statement (one snapshot), so they agree. */
async function readSubtree(db: Db, of: SubtreeOf, max: number): Promise<Entry> {
  const ids = sql`SELECT ${organizations.id}::text FROM ${organizations} WHERE ${orgsAtOrBelow(of.tenantId, of.orgPath)} LIMIT ${max + 1}`;
  const version = sql`SELECT ${orgTreeVersions.version} FROM ${orgTreeVersions} WHERE ${orgTreeVersions.tenantId} = ${of.tenantId}`;
  const { rows } = await db.execute<{ version: number; ids: string[] }>(sql`SELECT coalesce((${version}), 0) AS version, array(${ids}) AS ids`);
  const row = rows[0]!;
  return { version: Number(row.version), ids: row.ids.length > max ? null : row.ids };
}
