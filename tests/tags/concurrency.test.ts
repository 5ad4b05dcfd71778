// The five-tag rule on real Postgres: admins giving the same person (or device) a sixth tag at
// the same instant never leave it with six (barrier in tests/helpers/race.ts).
import { and, count, eq } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { devices, deviceTags, organizations, tags, userTags } from "@/db/schema";
import type { Actor } from "@/lib/commands/actor";
import { actorFor, orgIdByName } from "../helpers/actors";
import { applyDeviceTag, applyTag, createTag } from "../helpers/commands";
import { freshDemoDb } from "../helpers/db";
import { idOf } from "../helpers/fixtures";
import { addUsers } from "../helpers/race-fixtures";
import { describePostgres, fulfilled, race } from "../helpers/race";

const ROUNDS = 25;
const RACERS = 6;

let db: Db;
let acme: string;
let admins: Actor[];
let newTags: string[];

beforeEach(async () => {
  db = await freshDemoDb();
  acme = await orgIdByName(db, "Acme Heating");
  const extra = Array.from({ length: RACERS - 1 }, (_, i) => `tag-racer-${i}@acme.test`);
  await addUsers(db, acme, extra, "admin");
  admins = await Promise.all(["admin@acme.test", ...extra].map((email) => actorFor(db, email)));
  // Five tags to fill up with, and one new tag per racer: each racer adds a different sixth.
  newTags = [];
  for (const name of ["f1", "f2", "f3", "f4", "f5", ...Array.from({ length: RACERS }, (_, i) => `sixth-${i}`)]) {
    newTags.push((await createTag(db, admins[0]!, { orgId: acme, name, color: "slate" })).id);
  }
});

describePostgres("five tags per person and per device, under concurrency", () => {
  it(`${RACERS} admins each give a person at 4 tags a different new tag at once: exactly one wins, ${ROUNDS} rounds`, { timeout: 120_000 }, async () => {
    const sam = await idOf(db, "staff@acme.test");
    const problems: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      await db.delete(userTags).where(eq(userTags.userId, sam));
      await db.insert(userTags).values(newTags.slice(0, 4).map((tagId) => ({ tenantId: acme, userId: sam, tagId })));
      const outcome = await race(db, admins.map((actor, i) => (g: Db) => applyTag(g, actor, { orgId: acme, userIds: [sam], tag: { id: newTags[5 + i]! } })));
      expect(outcome, `round ${round}: barrier`).toMatchObject({ full: true, backends: RACERS });
      const [held] = await db.select({ n: count() }).from(userTags).where(eq(userTags.userId, sam));
      const wins = fulfilled(outcome.results).filter((r) => r.done.length === 1).length;
      const limited = fulfilled(outcome.results).filter((r) => r.skipped[0]?.refusal === "TAG_LIMIT").length;
      if (held!.n !== 5 || wins !== 1 || limited !== RACERS - 1) problems.push(`round ${round}: ${held!.n} tags, ${wins} applied, ${limited} refused for the limit`);
    }
    console.info(`user tags: ${ROUNDS} rounds x ${RACERS} concurrent applies, ${problems.length} violations`);
    expect(problems).toEqual([]);
  });

  it(`the same for a device at 4 tags, ${ROUNDS} rounds`, { timeout: 120_000 }, async () => {
    const [boiler] = await db
      .select({ id: devices.id })
      .from(devices)
      .innerJoin(organizations, eq(organizations.id, devices.orgId))
      .where(and(eq(organizations.name, "Muller Boiler Group"), eq(devices.name, "Boiler")));
    const deviceId = boiler!.id;
    const problems: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      await db.delete(deviceTags).where(eq(deviceTags.deviceId, deviceId));
      await db.insert(deviceTags).values(newTags.slice(0, 4).map((tagId) => ({ tenantId: acme, deviceId, tagId })));
      const outcome = await race(db, admins.map((actor, i) => (g: Db) => applyDeviceTag(g, actor, { orgId: acme, deviceIds: [deviceId], tag: { id: newTags[5 + i]! } })));
      expect(outcome, `round ${round}: barrier`).toMatchObject({ full: true, backends: RACERS });
      const [held] = await db.select({ n: count() }).from(deviceTags).where(eq(deviceTags.deviceId, deviceId));
      const wins = fulfilled(outcome.results).filter((r) => r.done.length === 1).length;
      if (held!.n !== 5 || wins !== 1) problems.push(`round ${round}: ${held!.n} tags, ${wins} applied`);
    }
    console.info(`device tags: ${ROUNDS} rounds x ${RACERS} concurrent applies, ${problems.length} violations`);
    expect(problems).toEqual([]);
  });

  it(`${RACERS} admins create the same new tag by name while applying it: one tag, everyone tagged once, ${ROUNDS} rounds`, { timeout: 120_000 }, async () => {
    const people = await Promise.all(["staff@acme.test", "user@acme.test", "r@muller.test", "w@muller.test", "m@united.test", "admin@acme.test"].map((e) => idOf(db, e)));
    const problems: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const name = `Night shift ${round}`;
      const outcome = await race(db, admins.map((actor, i) => (g: Db) => applyTag(g, actor, { orgId: acme, userIds: [people[i % people.length]!], tag: { name } })));
      const made = await db.select({ id: tags.id }).from(tags).where(and(eq(tags.tenantId, acme), eq(tags.name, name)));
      const [tagged] = made.length ? await db.select({ n: count() }).from(userTags).where(eq(userTags.tagId, made[0]!.id)) : [{ n: 0 }];
      if (made.length !== 1 || fulfilled(outcome.results).length !== RACERS || tagged!.n !== RACERS) problems.push(`round ${round}: ${made.length} tags, ${tagged!.n} tagged`);
      await db.delete(tags).where(eq(tags.name, name));
    }
    expect(problems).toEqual([]);
  });
});
