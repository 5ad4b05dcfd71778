import "server-only";
import { and, count, eq } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Tx } from "@/db/client";
import { deviceTags, userTags } from "@/db/schema";
import type { Skipped } from "@/lib/commands/bulk";
import { checkTagLimit } from "@/lib/policy";
import { isAnyOf } from "@/lib/sql/any-of";
import type { TagRef } from "./target";

/** Where a kind of carrier keeps its tags. */
type Link = { table: PgTable; carrier: AnyPgColumn; tag: AnyPgColumn; noun: "user" | "device" };
export const USER_TAGS: Link = { table: userTags, carrier: userTags.userId, tag: userTags.tagId, noun: "user" };
export const DEVICE_TAGS: Link = { table: deviceTags, carrier: deviceTags.deviceId, tag: deviceTags.tagId, noun: "device" };

type Carrier = { id: string; name: string };
type Refusals = Map<string, Pick<Skipped, "code" | "refusal" | "reason">>;

async function carrying(tx: Tx, link: Link, ids: string[], tagId: string): Promise<Set<string>> {
  const rows = await tx.select({ id: link.carrier }).from(link.table).where(and(isAnyOf(link.carrier, ids), eq(link.tag, tagId)));
  return new Set(rows.map((r) => String(r.id)));
}

/**
 * The carriers (already locked by the caller) that cannot take the tag: those who have it —
 * reported, not counted as tagged, so nothing goes in the audit log — and those at five tags.
 */
export async function refuseApplying(tx: Tx, link: Link, list: readonly Carrier[], tag: TagRef): Promise<Refusals> {
  const ids = list.map((c) => c.id);
  const counts = await tx.select({ id: link.carrier, n: count() }).from(link.table).where(isAnyOf(link.carrier, ids)).groupBy(link.carrier);
  const held = new Map(counts.map((c) => [String(c.id), c.n]));
  const already = await carrying(tx, link, ids, tag.id);
  const refused: Refusals = new Map();
  for (const c of list) {
    if (already.has(c.id)) {
      refused.set(c.id, { code: "CONFLICT", refusal: "ALREADY_TAGGED", reason: `This ${link.noun} already has the tag ${tag.name}` });
      continue;
    }
    const check = checkTagLimit({ tagsOnUser: held.get(c.id) ?? 0, adding: 1, userName: c.name });
    if (!check.ok) refused.set(c.id, { code: check.code, refusal: check.refusal, reason: check.reason });
  }
  return refused;
}

/** The carriers that do not carry the tag, so cannot lose it. */
export async function refuseRemoving(tx: Tx, link: Link, list: readonly Carrier[], tag: TagRef): Promise<Refusals> {
  const has = await carrying(tx, link, list.map((c) => c.id), tag.id);
  const refused: Refusals = new Map();
  for (const c of list) if (!has.has(c.id)) refused.set(c.id, { code: "CONFLICT", refusal: "NOT_TAGGED", reason: `This ${link.noun} does not have the tag ${tag.name}` });
  return refused;
}
