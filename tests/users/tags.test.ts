import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { tags, userTags } from "@/db/schema";

import { actorFor } from "../helpers/actors";
import { freshDemoDb } from "../helpers/db";
import { auditOf, idOf, randomId } from "../helpers/fixtures";
import { refusedWithoutChange, refusalWithoutChange, withoutChange } from "../helpers/snapshot";
import { applyTag } from "../helpers/commands";

let db: Db;
beforeEach(async () => {
  db = await freshDemoDb();
});

const tagAs = async (actorEmail: string, emails: string[], tag: string) => {
  const actor = await actorFor(db, actorEmail);
  return applyTag(db, actor, { orgId: actor.org.id, userIds: await Promise.all(emails.map((e) => idOf(db, e))), tag: { name: tag } });
};
const tagsOf = async (email: string) =>
  (await db.select({ name: tags.name }).from(userTags).innerJoin(tags, eq(tags.id, userTags.tagId)).where(eq(userTags.userId, await idOf(db, email)))).map((t) => t.name).sort();

describe("apply tag", () => {
  it("creates the tag on first use, tags each user, one audit row per user", async () => {
    const result = await tagAs("admin@acme.test", ["staff@acme.test", "r@muller.test"], "VIP");
    expect(result.done).toHaveLength(2);
    expect(await tagsOf("staff@acme.test")).toEqual(["VIP"]);
    expect(await tagsOf("r@muller.test")).toEqual(["VIP"]);
    for (const email of ["staff@acme.test", "r@muller.test"]) {
      expect(await auditOf(db, await idOf(db, email))).toMatchObject([{ action: "user_tagged", after: { tag: "VIP" } }]);
    }
    // The same name in another case is the same tag.
    const again = await tagAs("admin@acme.test", ["user@acme.test"], "vip");
    expect(again.tagId).toBe(result.tagId);
    expect(await db.select().from(tags)).toHaveLength(1);
  });

  it("reports users who already have the tag as skipped, without a second audit row", async () => {
    await tagAs("admin@acme.test", ["staff@acme.test"], "VIP");
    const staffId = await idOf(db, "staff@acme.test");
    const result = await tagAs("admin@acme.test", ["staff@acme.test", "user@acme.test"], "vip");
    expect(result.done).toEqual([await idOf(db, "user@acme.test")]);
    expect(result.skipped).toEqual([{ id: staffId, name: "Sam Stone", reason: "This user already has the tag VIP", code: "CONFLICT", refusal: "ALREADY_TAGGED" }]);
    expect(await auditOf(db, staffId)).toHaveLength(1);
    expect(await tagsOf("staff@acme.test")).toEqual(["VIP"]);
    expect(await tagsOf("user@acme.test")).toEqual(["VIP"]);
  });

  it("skips users already at 5 tags and names them; the others are tagged", async () => {
    for (const tag of ["a1", "a2", "a3", "a4", "a5"]) await tagAs("admin@acme.test", ["staff@acme.test"], tag);
    const result = await tagAs("admin@acme.test", ["staff@acme.test", "user@acme.test"], "sixth");
    expect(result.done).toEqual([await idOf(db, "user@acme.test")]);
    expect(result.skipped).toEqual([{ id: await idOf(db, "staff@acme.test"), name: "Sam Stone", reason: "Sam Stone already has 5 tags; at most 5 are allowed", code: "LIMIT", refusal: "TAG_LIMIT" }]);
    expect(await tagsOf("staff@acme.test")).toEqual(["a1", "a2", "a3", "a4", "a5"]);
  });

  it("refuses Staff (no tags.manage) and Users, creating no tag", async () => {
    for (const [actor, target] of [["staff@acme.test", "r@muller.test"], ["user@acme.test", "staff@acme.test"]] as const) {
      expect(await refusalWithoutChange(db, () => tagAs(actor, [target], "VIP"))).toEqual({ code: "FORBIDDEN", upFront: true });
    }
  });

  it("skips foreign and unknown ids alike and creates no tag when nobody may be tagged", async () => {
    const actor = await actorFor(db, "admin@acme.test");
    const globex = await idOf(db, "admin@globex.test");
    const unknown = randomId();
    const result = await withoutChange(db, () => applyTag(db, actor, { orgId: actor.org.id, userIds: [globex, unknown], tag: { name: "VIP" } }));
    expect(result.skipped.map(({ name, reason, code, refusal }) => ({ name, reason, code, refusal }))).toEqual([
      { name: "Unknown user", reason: "Not found", code: "NOT_FOUND", refusal: "NOT_FOUND" },
      { name: "Unknown user", reason: "Not found", code: "NOT_FOUND", refusal: "NOT_FOUND" },
    ]);
  });

  it("with 'all matching', tags the filtered set in reach only", async () => {
    const actor = await actorFor(db, "admin@acme.test");
    const result = await applyTag(db, actor, { orgId: actor.org.id, matching: { q: "admin@", scope: "reach" }, tag: { name: "Admins" } });
    expect(result.done).toEqual([actor.viewer.userId]);
    expect(await tagsOf("admin@globex.test")).toEqual([]);
  });

  it.each([
    ["an empty tag", ""],
    ["31 characters", "t".repeat(31)],
    ["a line break", "VIP\r\nBcc: x@evil.example"],
    ["10 kB", "t".repeat(10_000)],
    ["a number", 42],
  ])("refuses a new tag named %s with INVALID and no change", async (_label, name) => {
    const actor = await actorFor(db, "admin@acme.test");
    const error = await refusedWithoutChange(db, async () => applyTag(db, actor, { orgId: actor.org.id, userIds: [await idOf(db, "user@acme.test")], tag: { name } }));
    expect(error.code).toBe("INVALID");
  });
});
