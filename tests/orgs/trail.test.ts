// The header's "where am I" line (lib/orgs/trail.ts): from the viewer's own org down to the one
// shown, each name once; a sub-org member's line starts at their own org.
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { orgTrail } from "@/lib/orgs/trail";
import { actorFor, orgIdByName } from "../helpers/actors";
import { freshDemoDb } from "../helpers/db";
import { mullerAdmin } from "../helpers/fixtures";

let db: Db;
beforeEach(async () => {
  db = await freshDemoDb();
});

const trailOf = async (email: string, orgName?: string) => {
  const actor = await actorFor(db, email, orgName ? await orgIdByName(db, orgName) : undefined);
  return (await orgTrail(db, actor)).map((o) => o.name);
};

describe("org trail", () => {
  it("at the root, the root's name once", async () => {
    expect(await trailOf("admin@acme.test")).toEqual(["Acme Heating"]);
  });

  it("switched into a grandchild, every org from the root down, top first", async () => {
    expect(await trailOf("admin@acme.test", "Marsh Residence")).toEqual(["Acme Heating", "United Heaters Inc.", "Marsh Residence"]);
    expect(await trailOf("admin@acme.test", "Muller Boiler Group")).toEqual(["Acme Heating", "Muller Boiler Group"]);
  });

  it("a sub-org member's line starts at their own org: never the names above it", async () => {
    expect(await trailOf("m@united.test")).toEqual(["Marsh Residence"]);
    expect(await trailOf("r@muller.test")).toEqual(["Muller Boiler Group"]);
    const boss = await mullerAdmin(db);
    expect((await orgTrail(db, boss)).map((o) => o.name)).toEqual(["Muller Boiler Group"]);
  });
});
