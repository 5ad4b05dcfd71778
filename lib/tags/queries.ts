import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Db, Executor } from "@/db/client";
import type { Actor } from "@/lib/commands/actor";
import { notFound } from "@/lib/errors";
import { pathAtOrBelow } from "@/lib/orgs/subtree-sql";
import { devicesInSight, may } from "@/lib/policy";
import { selectedUserIds, type UserSelection } from "@/lib/users/selection";
import type { TagColor } from "./schemas";
import type { TagRef } from "./target";

export type TagUsage = TagRef & { people: number; devices: number };

// Tags belong to the tenant; anyone who sees its people or devices here sees its tags.
function assertMaySeeTags(actor: Actor): void {
  if (!may(actor.policy, "users.view") && !devicesInSight(actor.policy)) throw notFound();
}

/** The orgs whose people and devices the viewer sees from the org shown: it and, with "switch", below. */
function orgScope(actor: Actor, path: SQL): SQL {
  return may(actor.policy, "orgs.switch") ? pathAtOrBelow(path, actor.org.path) : sql`${path} = ${actor.org.path}`;
}

const toRef = (r: Record<string, unknown>): TagRef => ({ id: String(r.id), name: String(r.name), color: String(r.color) as TagColor });

/**
 * The tenant's tags by name, each with how many people and devices in the viewer's view carry
 * it (Settings → Tags; a person or device elsewhere in the tenant is not counted, nor named).
 */
export async function tagsWithUsage(db: Db, actor: Actor): Promise<TagUsage[]> {
  assertMaySeeTags(actor);
  const sight = devicesInSight(actor.policy);
  const people = may(actor.policy, "users.view")
    ? sql`(SELECT count(*)::int FROM user_tags ut JOIN users u ON u.id = ut.user_id JOIN organizations o ON o.id = u.org_id
        WHERE ut.tag_id = t.id AND u.tenant_id = t.tenant_id AND ${orgScope(actor, sql`o.path`)})`
    : sql`0`;
  const devices = sight
    ? sql`(SELECT count(*)::int FROM device_tags dt JOIN devices d ON d.id = dt.device_id JOIN organizations o ON o.id = d.org_id
        WHERE dt.tag_id = t.id AND d.tenant_id = t.tenant_id AND ${orgScope(actor, sql`o.path`)}${sight === "own" ? sql` AND d.owner_id = ${actor.viewer.userId}` : sql``})`
    : sql`0`;
  const result = await db.execute<Record<string, unknown>>(sql`
    SELECT t.id, t.name, t.color, ${people} AS people, ${devices} AS devices
    FROM tags t WHERE t.tenant_id = ${actor.viewer.tenant.id} ORDER BY lower(t.name), t.id`);
  return result.rows.map((r) => ({ ...toRef(r), people: Number(r.people), devices: Number(r.devices) }));
}

/** The tenant's tags by name, for pickers and filters. */
export async function tagOptions(db: Executor, actor: Actor): Promise<TagRef[]> {
  assertMaySeeTags(actor);
  const result = await db.execute<Record<string, unknown>>(sql`SELECT id, name, color FROM tags WHERE tenant_id = ${actor.viewer.tenant.id} ORDER BY lower(name), id`);
  return result.rows.map(toRef);
}

/** The Apply tag picker's list, and whether it may offer "Create “x”" (tags.manage). */
export async function tagChoices(db: Executor, actor: Actor): Promise<{ tags: TagRef[]; canCreate: boolean }> {
  return { tags: await tagOptions(db, actor), canCreate: may(actor.policy, "tags.manage") };
}

/** The tags the selected users in view carry, by name: what the Remove tag dialog offers. */
export async function tagsCarriedByUsers(db: Db, actor: Actor, selection: UserSelection): Promise<TagRef[]> {
  if (!may(actor.policy, "users.view")) throw notFound();
  const ids = await selectedUserIds(db, actor, selection);
  const result = await db.execute<Record<string, unknown>>(sql`
    SELECT t.id, t.name, t.color FROM tags t
    WHERE t.tenant_id = ${actor.viewer.tenant.id} AND EXISTS (
      SELECT 1 FROM user_tags ut JOIN users u ON u.id = ut.user_id JOIN organizations o ON o.id = u.org_id
      WHERE ut.tag_id = t.id AND u.tenant_id = t.tenant_id AND ut.user_id IN (SELECT unnest(${sql.param([...ids])}::uuid[])) AND ${orgScope(actor, sql`o.path`)})
    ORDER BY lower(t.name), t.id`);
  return result.rows.map(toRef);
}

/** The tags the selected devices in view carry, by name. */
export async function tagsCarriedByDevices(db: Db, actor: Actor, deviceIds: readonly string[]): Promise<TagRef[]> {
  const sight = devicesInSight(actor.policy);
  if (!sight) throw notFound();
  const result = await db.execute<Record<string, unknown>>(sql`
    SELECT t.id, t.name, t.color FROM tags t
    WHERE t.tenant_id = ${actor.viewer.tenant.id} AND EXISTS (
      SELECT 1 FROM device_tags dt JOIN devices d ON d.id = dt.device_id JOIN organizations o ON o.id = d.org_id
      WHERE dt.tag_id = t.id AND d.tenant_id = t.tenant_id AND dt.device_id IN (SELECT unnest(${sql.param([...deviceIds])}::uuid[]))
        AND ${orgScope(actor, sql`o.path`)}${sight === "own" ? sql` AND d.owner_id = ${actor.viewer.userId}` : sql``})
    ORDER BY lower(t.name), t.id`);
  return result.rows.map(toRef);
}

/** Each listed user's tags by name: the users table's Tags column for one page. */
export async function tagsOfUsers(db: Executor, tenantId: string, userIds: readonly string[]): Promise<Map<string, TagRef[]>> {
  const out = new Map<string, TagRef[]>();
  if (userIds.length === 0) return out;
  const result = await db.execute<Record<string, unknown>>(sql`
    SELECT ut.user_id, t.id, t.name, t.color FROM user_tags ut JOIN tags t ON t.id = ut.tag_id
    WHERE ut.tenant_id = ${tenantId} AND ut.user_id IN (SELECT unnest(${sql.param([...userIds])}::uuid[]))
    ORDER BY lower(t.name), t.id`);
  for (const r of result.rows) {
    const list = out.get(String(r.user_id)) ?? [];
    list.push(toRef(r));
    out.set(String(r.user_id), list);
  }
  return out;
}
