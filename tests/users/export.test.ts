import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/commands/actor";
import { locations } from "@/db/schema";
import { exportColumns, exportUserRows, neutralizeFormula } from "@/lib/users/export";
import { userFiltersSchema, type UserFilters } from "@/lib/users/filters";
import { actorFor, orgIdByName } from "../helpers/actors";
import { freshDemoDb } from "../helpers/db";
import { userByEmail } from "../helpers/demo";
import { idOf, invite, mullerAdmin } from "../helpers/fixtures";
import { withoutChange } from "../helpers/snapshot";
import { applyTag, editUser } from "../helpers/commands";

let db: Db;
beforeEach(async () => {
  db = await freshDemoDb();
});

const filters = (input: Partial<UserFilters> = {}) => userFiltersSchema.parse(input);

async function rows(actor: Actor, selection: { userIds?: string[]; filters: UserFilters }): Promise<string[][]> {
  const out: string[][] = [];
  for await (const row of exportUserRows(db, actor, selection)) out.push(row);
  return out;
}
const emails = (table: string[][]) => table.map((r) => r[1]).sort();

const ACME_ROOT = ["admin@acme.test", "staff@acme.test", "user@acme.test"];
const ACME_ALL = [...ACME_ROOT, "h@united.test", "m@united.test", "r@muller.test", "w@muller.test"].sort();

describe("CSV export rows", () => {
  it("exports the org shown, or everything in reach, and never another tenant; one column per header", async () => {
    const admin = await actorFor(db, "admin@acme.test");
    expect(emails(await rows(admin, { filters: filters() }))).toEqual(ACME_ROOT);
    const reach = await rows(admin, { filters: filters({ scope: "reach" }) });
    expect(emails(reach)).toEqual(ACME_ALL);
    for (const row of reach) expect(row).toHaveLength(exportColumns("UTC").length);
    expect(reach.find((r) => r[1] === "r@muller.test")).toEqual(expect.arrayContaining(["Rita Muller", "Muller Boiler Group", "User", "Active"]));
  });

  it("below the root, reads the subtree org by org: every user in reach of the org shown, filtered, nobody outside it", async () => {
    const admin = await actorFor(db, "admin@acme.test", await orgIdByName(db, "United Heaters Inc."));
    expect(await rows(admin, { filters: filters() })).toEqual([]);
    const reach = await rows(admin, { filters: filters({ scope: "reach" }) });
    expect(emails(reach)).toEqual(["h@united.test", "m@united.test"]);
    expect(reach.map((r) => r[2]).sort()).toEqual(["Hill Cottage", "Marsh Residence"]);
    expect(emails(await rows(admin, { filters: filters({ scope: "reach", q: "hank" }) }))).toEqual(["h@united.test"]);
    expect(await rows(admin, { filters: filters({ scope: "reach", roles: ["admin"] }) })).toEqual([]);
  });

  it("applies the filters and named ids within scope only: another tenant's ids and emails give no row", async () => {
    const admin = await actorFor(db, "admin@acme.test");
    const globex = await idOf(db, "admin@globex.test");
    expect(await rows(admin, { filters: filters({ q: "admin@globex.test", scope: "reach" }) })).toEqual([]);
    expect(await rows(admin, { filters: filters({ q: "globex", scope: "reach" }) })).toEqual([]);
    expect(emails(await rows(admin, { userIds: [globex, await idOf(db, "w@muller.test")], filters: filters() }))).toEqual(["w@muller.test"]);
    expect(emails(await rows(admin, { filters: filters({ roles: ["admin"], scope: "reach" }) }))).toEqual(["admin@acme.test"]);
    const gil = await actorFor(db, "admin@globex.test");
    expect(emails(await rows(gil, { filters: filters({ scope: "reach" }) }))).toEqual(["admin@globex.test"]);
  });

  it("searches LIKE wildcards literally (security.md F2)", async () => {
    await invite(db, "admin@acme.test", { email: "pure@acme.test", name: "100% Pure_Heat" });
    const admin = await actorFor(db, "admin@acme.test");
    expect(emails(await rows(admin, { filters: filters({ q: "%", scope: "reach" }) }))).toEqual(["pure@acme.test"]);
    expect(emails(await rows(admin, { filters: filters({ q: "_", scope: "reach" }) }))).toEqual(["pure@acme.test"]);
    expect(await rows(admin, { filters: filters({ q: "\\", scope: "reach" }) })).toEqual([]);
  });

  it("gives a sub-org Admin their subtree only", async () => {
    const boss = await mullerAdmin(db);
    const table = await rows(boss, { userIds: [await idOf(db, "admin@acme.test"), await idOf(db, "m@united.test"), await idOf(db, "r@muller.test")], filters: filters() });
    expect(emails(table)).toEqual(["r@muller.test"]);
    expect(emails(await rows(boss, { filters: filters({ scope: "reach" }) }))).toEqual(["boss@muller.test", "r@muller.test", "w@muller.test"]);
  });

  it("neutralises formulas in every cell (names, tags, locations starting with = + - @ get a leading ')", async () => {
    await invite(db, "admin@acme.test", { email: "formula@acme.test", name: '=HYPERLINK("http://evil.example","click")' });
    await invite(db, "admin@acme.test", { email: "plus@acme.test", name: "+1+2" });
    await invite(db, "admin@acme.test", { email: "at@acme.test", name: "@SUM(A1)" });
    const admin = await actorFor(db, "admin@acme.test");
    await applyTag(db, admin, { orgId: admin.org.id, userIds: [await idOf(db, "user@acme.test")], tag: { name: "-2+3" } });
    await applyTag(db, admin, { orgId: admin.org.id, userIds: [await idOf(db, "user@acme.test")], tag: { name: "Boilers" } });
    const [depot] = await db.insert(locations).values({ tenantId: admin.viewer.tenant.id, orgId: admin.org.id, name: "@Depot" }).returning();
    const uma = await userByEmail(db, "user@acme.test");
    await editUser(db, admin, { orgId: admin.org.id, userId: uma.id, name: uma.name, role: uma.role, locationIds: [depot!.id] });
    const table = await rows(admin, { filters: filters() });
    const byEmail = new Map(table.map((r) => [r[1], r]));
    expect(byEmail.get("formula@acme.test")![0]).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(byEmail.get("plus@acme.test")![0]).toBe("'+1+2");
    expect(byEmail.get("at@acme.test")![0]).toBe("'@SUM(A1)");
    expect(byEmail.get("formula@acme.test")![4]).toBe("Pending");
    expect(byEmail.get("user@acme.test")![7]).toBe("'-2+3, Boilers");
    expect(byEmail.get("user@acme.test")![8]).toBe("'@Depot");
    for (const row of table) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r\0]/);
  });

  it.each([
    ["=1+1", "'=1+1"],
    ["+1", "'+1"],
    ["-1", "'-1"],
    ["@A1", "'@A1"],
    ["\tcmd", "'\tcmd"],
    ["\rcmd", "'\rcmd"],
    ["\0x", "'\0x"],
    ["Alice = Bob", "Alice = Bob"],
    ["", ""],
  ])("neutralizeFormula(%j) is %j", (input, output) => {
    expect(neutralizeFormula(input)).toBe(output);
  });

  it("is allowed to Staff and refused to a User (FORBIDDEN), writing nothing", async () => {
    const staff = await actorFor(db, "staff@acme.test");
    expect(emails(await withoutChange(db, () => rows(staff, { filters: filters({ scope: "reach" }) })))).toEqual(ACME_ALL);
    const user = await actorFor(db, "user@acme.test");
    await withoutChange(db, () => expect(rows(user, { filters: filters() })).rejects.toMatchObject({ code: "FORBIDDEN" }));
  });
});
