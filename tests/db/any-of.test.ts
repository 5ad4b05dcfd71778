import { asc, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { organizations } from "@/db/schema";
import { equalsAnyOf, isAnyOf } from "@/lib/sql/any-of";
import { freshDemoDb } from "../helpers/db";

// Both helpers send a list of ids as one array parameter; each must match exactly those ids,
// on either engine, and an empty list must match nothing.
let db: Db;
let orgs: { id: string; name: string }[];

beforeAll(async () => {
  db = await freshDemoDb();
  orgs = await db.select({ id: organizations.id, name: organizations.name }).from(organizations).orderBy(asc(organizations.name));
});

const namesWhere = async (condition: ReturnType<typeof isAnyOf>) =>
  (await db.select({ name: organizations.name }).from(organizations).where(condition).orderBy(asc(organizations.name))).map((r) => r.name);

describe.each([
  ["equalsAnyOf", equalsAnyOf],
  ["isAnyOf", isAnyOf],
] as const)("%s", (_, anyOf) => {
  it("matches exactly the listed ids", async () => {
    expect(orgs.length).toBeGreaterThan(3);
    const picked = [orgs[0]!, orgs[2]!];
    expect(await namesWhere(anyOf(organizations.id, picked.map((o) => o.id)))).toEqual(picked.map((o) => o.name));
  });

  it("matches nothing for an empty list or ids that do not exist", async () => {
    expect(await namesWhere(anyOf(organizations.id, []))).toEqual([]);
    expect(await namesWhere(anyOf(organizations.id, ["00000000-0000-4000-8000-000000000000"]))).toEqual([]);
  });

  it("sends the whole list as one parameter", () => {
    const query = db.select({ id: organizations.id }).from(organizations).where(anyOf(organizations.id, orgs.map((o) => o.id))).toSQL();
    expect(query.params).toHaveLength(1);
    expect(query.params[0]).toEqual(orgs.map((o) => o.id));
  });

  it("combines with other conditions", async () => {
    const first = orgs[0]!;
    const rows = await db
      .select({ name: organizations.name })
      .from(organizations)
      .where(sql`${anyOf(organizations.id, orgs.map((o) => o.id))} AND ${eq(organizations.name, first.name)}`);
    expect(rows.map((r) => r.name)).toEqual([first.name]);
  });
});
