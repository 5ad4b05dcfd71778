// Settings → Tags: create, rename, recolour and delete the tenant's tags (tags.manage).
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, devices, deviceTags, tags, userTags } from "@/db/schema";
import { actorFor, orgIdByName } from "../helpers/actors";
import { createTag, deleteTag, editTag } from "../helpers/commands";
import { freshDemoDb } from "../helpers/db";
import { auditOf, idOf, mullerAdmin, randomId } from "../helpers/fixtures";
import { refusedWithoutChange } from "../helpers/snapshot";

let db: Db;
beforeEach(async () => {
  db = await freshDemoDb();
});

const admin = () => actorFor(db, "admin@acme.test");
const tagNamed = async (name: string) => (await db.select().from(tags).where(eq(tags.name, name)))[0];
const newTag = async (name = "Boilers", color = "teal") => {
  const actor = await admin();
  return (await createTag(db, actor, { orgId: actor.org.id, name, color })).id;
};

describe("create tag", () => {
  it("adds a tag to the tenant, trimmed, with its colour, audited", async () => {
    const id = await newTag("  Rooftop  ", "blue");
    expect(await tagNamed("Rooftop")).toMatchObject({ id, color: "blue", tenantId: await orgIdByName(db, "Acme Heating") });
    expect(await auditOf(db, id)).toMatchObject([{ action: "tag_created", targetType: "tag", targetLabel: "Rooftop", after: { name: "Rooftop", color: "blue" } }]);
  });

  it("defaults to slate", async () => {
    const actor = await admin();
    await createTag(db, actor, { orgId: actor.org.id, name: "Plain" });
    expect((await tagNamed("Plain"))?.color).toBe("slate");
  });

  it("refuses a name the tenant has in any case with CONFLICT, nothing written", async () => {
    await newTag("Boilers");
    const actor = await admin();
    const error = await refusedWithoutChange(db, () => createTag(db, actor, { orgId: actor.org.id, name: "BOILERS", color: "red" }));
    expect(error).toMatchObject({ code: "CONFLICT", refusal: "TAG_NAME_TAKEN", field: "name", message: "There is already a tag named “BOILERS”." });
  });

  it("lets another tenant have the same name", async () => {
    await newTag("Boilers");
    const gil = await actorFor(db, "admin@globex.test");
    await createTag(db, gil, { orgId: gil.org.id, name: "Boilers", color: "red" });
    expect(await db.select().from(tags).where(eq(tags.name, "Boilers"))).toHaveLength(2);
  });

  it.each([["staff@acme.test"], ["user@acme.test"]])("refuses %s (no tags.manage) with FORBIDDEN, nothing written", async (email) => {
    const actor = await actorFor(db, email);
    const error = await refusedWithoutChange(db, () => createTag(db, actor, { orgId: actor.org.id, name: "Sneaky", color: "red" }));
    expect(error.code).toBe("FORBIDDEN");
  });

  it.each([
    ["an empty name", { name: "  " }],
    ["31 characters", { name: "x".repeat(31) }],
    ["a colour outside the palette", { name: "Ok", color: "chartreuse" }],
  ])("refuses %s with INVALID", async (_label, patch) => {
    const actor = await admin();
    const error = await refusedWithoutChange(db, () => createTag(db, actor, { orgId: actor.org.id, color: "red", ...patch }));
    expect(error.code).toBe("INVALID");
  });
});

describe("edit tag", () => {
  it("renames and recolours, one audit row with before and after", async () => {
    const id = await newTag("Boilers", "teal");
    const actor = await admin();
    await editTag(db, actor, { orgId: actor.org.id, tagId: id, name: "Boiler rooms", color: "amber" });
    expect(await tagNamed("Boiler rooms")).toMatchObject({ id, color: "amber" });
    expect(await auditOf(db, id, "tag_updated")).toMatchObject([{ before: { name: "Boilers", color: "teal" }, after: { name: "Boiler rooms", color: "amber" } }]);
  });

  it("may change only the case of its own name", async () => {
    const id = await newTag("boilers");
    const actor = await admin();
    await editTag(db, actor, { orgId: actor.org.id, tagId: id, name: "Boilers", color: "teal" });
    expect((await tagNamed("Boilers"))?.id).toBe(id);
  });

  it("writes nothing when nothing changes", async () => {
    const id = await newTag("Boilers", "teal");
    const actor = await admin();
    await editTag(db, actor, { orgId: actor.org.id, tagId: id, name: "Boilers", color: "teal" });
    expect(await auditOf(db, id, "tag_updated")).toEqual([]);
  });

  it("refuses a rename to another tag's name with CONFLICT, nothing written", async () => {
    await newTag("Boilers");
    const id = await newTag("Pumps");
    const actor = await admin();
    const error = await refusedWithoutChange(db, () => editTag(db, actor, { orgId: actor.org.id, tagId: id, name: "boilers", color: "teal" }));
    expect(error).toMatchObject({ code: "CONFLICT", refusal: "TAG_NAME_TAKEN" });
  });

  it("answers another tenant's tag and an unknown id alike: NOT_FOUND, nothing written", async () => {
    const gil = await actorFor(db, "admin@globex.test");
    const globexTag = (await createTag(db, gil, { orgId: gil.org.id, name: "Globex only", color: "red" })).id;
    const actor = await admin();
    for (const tagId of [globexTag, randomId()]) {
      const error = await refusedWithoutChange(db, () => editTag(db, actor, { orgId: actor.org.id, tagId, name: "Mine now", color: "red" }));
      expect(error).toMatchObject({ code: "NOT_FOUND", message: "Not found" });
    }
  });

  it("refuses Staff with FORBIDDEN, nothing written", async () => {
    const id = await newTag();
    const staff = await actorFor(db, "staff@acme.test");
    expect((await refusedWithoutChange(db, () => editTag(db, staff, { orgId: staff.org.id, tagId: id, name: "Mine", color: "red" }))).code).toBe("FORBIDDEN");
  });
});

describe("delete tag", () => {
  it("removes it from every person and device of the tenant, as ONE audit row with the counts", async () => {
    const id = await newTag("Boilers");
    const tenantId = await orgIdByName(db, "Acme Heating");
    const people = await Promise.all(["staff@acme.test", "r@muller.test", "m@united.test"].map((e) => idOf(db, e)));
    await db.insert(userTags).values(people.map((userId) => ({ tenantId, userId, tagId: id })));
    const fleet = await db.select({ id: devices.id }).from(devices).where(eq(devices.tenantId, tenantId));
    await db.insert(deviceTags).values(fleet.map((d) => ({ tenantId, deviceId: d.id, tagId: id })));
    const before = (await db.select().from(auditLog)).length;

    const actor = await admin();
    const result = await deleteTag(db, actor, { orgId: actor.org.id, tagId: id });
    expect(result).toEqual({ people: 3, devices: fleet.length });
    expect(await db.select().from(tags).where(eq(tags.id, id))).toEqual([]);
    expect(await db.select().from(userTags).where(eq(userTags.tagId, id))).toEqual([]);
    expect(await db.select().from(deviceTags).where(eq(deviceTags.tagId, id))).toEqual([]);
    expect((await db.select().from(auditLog)).length).toBe(before + 1);
    expect(await auditOf(db, id)).toMatchObject([{ action: "tag_created" }, { action: "tag_deleted", targetLabel: "Boilers", before: { name: "Boilers" }, after: { people: 3, devices: fleet.length } }]);
  });

  it("answers another tenant's tag like an unknown one, nothing written", async () => {
    const gil = await actorFor(db, "admin@globex.test");
    const globexTag = (await createTag(db, gil, { orgId: gil.org.id, name: "Globex only", color: "red" })).id;
    const actor = await admin();
    for (const tagId of [globexTag, randomId()]) {
      expect(await refusedWithoutChange(db, () => deleteTag(db, actor, { orgId: actor.org.id, tagId }))).toMatchObject({ code: "NOT_FOUND" });
    }
  });

  it("refuses Staff and Users with FORBIDDEN, nothing written", async () => {
    const id = await newTag();
    for (const email of ["staff@acme.test", "user@acme.test"]) {
      const actor = await actorFor(db, email);
      expect((await refusedWithoutChange(db, () => deleteTag(db, actor, { orgId: actor.org.id, tagId: id }))).code).toBe("FORBIDDEN");
    }
  });

  it("a sub-org Admin with tags.manage creates tags but renames and deletes none: they reach people beyond the sub-org", async () => {
    const id = await newTag();
    const boss = await mullerAdmin(db);
    for (const attempt of [() => deleteTag(db, boss, { orgId: boss.org.id, tagId: id }), () => editTag(db, boss, { orgId: boss.org.id, tagId: id, name: "Mine", color: "red" })]) {
      expect(await refusedWithoutChange(db, attempt)).toMatchObject({ code: "FORBIDDEN", refusal: "TAGS_IN_ROOT" });
    }
    await createTag(db, boss, { orgId: boss.org.id, name: "Muller only", color: "teal" });
    expect(await db.select({ id: tags.id }).from(tags).where(eq(tags.name, "Muller only"))).toHaveLength(1);
  });
});
