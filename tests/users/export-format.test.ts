// The users CSV says what the table says: dates in the org's time zone with its offset (the
// header names the zone), statuses and roles by their labels, and the rows in the table's order.
import { beforeEach, describe, expect, it } from "vitest";
import { eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import type { Actor } from "@/lib/commands/actor";
import { exportColumns, exportUserRows } from "@/lib/users/export";
import { userFiltersSchema, type UserFilters } from "@/lib/users/filters";
import { listUsers } from "@/lib/users/list";
import { USER_SORT_KEYS, type SortDir, type UserSortKey } from "@/lib/users/sort";
import { actorFor, orgIdByName } from "../helpers/actors";
import { changeRoles, createRole } from "../helpers/commands";
import { freshDemoDb } from "../helpers/db";
import { setOrgTimeZone } from "../helpers/time-zone";
import { idOf, invite } from "../helpers/fixtures";

let db: Db;
let admin: Actor;
beforeEach(async () => {
  db = await freshDemoDb();
  await setOrgTimeZone(db, "Acme Heating", "Europe/Berlin");
  admin = await actorFor(db, "admin@acme.test");
});

const reach = userFiltersSchema.parse({ scope: "reach" });

async function exported(actor: Actor, selection: { userIds?: string[]; filters: UserFilters; sort?: { key: UserSortKey; dir: SortDir } }) {
  const columns = exportColumns(actor.org.timezone);
  const out: Record<string, string>[] = [];
  for await (const row of exportUserRows(db, actor, selection)) out.push(Object.fromEntries(columns.map((c, i) => [c, row[i]!])));
  return out;
}

/** The table's rows for a sort, walked page by page as a person would, two at a time. */
async function listed(actor: Actor, filters: UserFilters, sort: { key: UserSortKey; dir: SortDir }): Promise<string[]> {
  const emails: string[] = [];
  let after: string | null = null;
  for (;;) {
    const page: Awaited<ReturnType<typeof listUsers>> = await listUsers(db, actor, { filters, sort, size: 2, cursor: after ? { after } : undefined });
    emails.push(...page.rows.map((r) => r.email));
    if (!page.next) return emails;
    after = page.next;
  }
}

describe("users CSV", () => {
  it("tells dates in the org's time zone with its offset, summer time included, and says the zone in the header", async () => {
    const sam = await idOf(db, "staff@acme.test");
    await db.update(users).set({ lastLoginAt: new Date("2026-07-01T08:00:00Z"), registeredAt: new Date("2026-12-07T08:15:00Z") }).where(eq(users.id, sam));
    const rows = await exported(admin, { filters: userFiltersSchema.parse({}) });
    expect(Object.keys(rows[0]!)).toEqual(["Name", "Email", "Organization", "Role", "Status", "Last login (Europe/Berlin)", "Registered (Europe/Berlin)", "Tags", "Locations"]);
    const row = rows.find((r) => r.Email === "staff@acme.test")!;
    expect(row["Last login (Europe/Berlin)"]).toBe("2026-07-01T10:00:00+02:00");
    expect(row["Registered (Europe/Berlin)"]).toBe("2026-12-07T09:15:00+01:00");
  });

  it("uses the zone of the org exported: a sub-org's own", async () => {
    await setOrgTimeZone(db, "Muller Boiler Group", "America/New_York");
    const muller = await actorFor(db, "admin@acme.test", await orgIdByName(db, "Muller Boiler Group"));
    const rita = await idOf(db, "r@muller.test");
    await db.update(users).set({ lastLoginAt: new Date("2026-12-07T02:30:00Z") }).where(eq(users.id, rita));
    const row = (await exported(muller, { filters: userFiltersSchema.parse({}) })).find((r) => r.Email === "r@muller.test")!;
    expect(row["Last login (America/New_York)"]).toBe("2026-12-06T21:30:00-05:00");
  });

  it("shows statuses and roles as the table does: labels and role names, not keys", async () => {
    await invite(db, "admin@acme.test", { email: "new@acme.test", name: "Nia New" });
    await db.update(users).set({ suspendedAt: new Date() }).where(eq(users.email, "user@acme.test"));
    const rows = await exported(admin, { filters: reach });
    const status = Object.fromEntries(rows.map((r) => [r.Email, r.Status]));
    expect(status).toMatchObject({ "admin@acme.test": "Active", "new@acme.test": "Pending", "user@acme.test": "Suspended" });
    for (const r of rows) expect(["Active", "Pending", "Inactive", "Suspended"]).toContain(r.Status);
    expect(rows.find((r) => r.Email === "admin@acme.test")!.Role).toBe("Admin");
  });

  it("names a custom role by its name", async () => {
    await db.execute(`UPDATE tenants SET plan = 'business' WHERE name = 'Acme Heating'`);
    admin = await actorFor(db, "admin@acme.test");
    const { key } = await createRole(db, admin, { orgId: admin.org.id, name: "Field technician" });
    await changeRoles(db, admin, { orgId: admin.org.id, userIds: [await idOf(db, "user@acme.test")], role: key });
    const rows = await exported(admin, { filters: userFiltersSchema.parse({}) });
    expect(rows.find((r) => r.Email === "user@acme.test")!.Role).toBe("Field technician");
  });

  it.each(USER_SORT_KEYS)("exports “all matching” in the table's order, sorted by %s and reversed", async (key) => {
    // Ties: three people share a last login and a registration time.
    const same = new Date("2026-11-30T10:00:00Z");
    await db.update(users).set({ lastLoginAt: same, registeredAt: same }).where(inArray(users.email, ["r@muller.test", "w@muller.test", "h@united.test"]));
    for (const dir of ["asc", "desc"] as const) {
      const sort = { key, dir };
      const csv = (await exported(admin, { filters: reach, sort })).map((r) => r.Email);
      expect(csv).toEqual(await listed(admin, reach, sort));
      expect(csv).toHaveLength(7);
    }
  });

  it("exports the selected users in the table's order too", async () => {
    const ids = await Promise.all(["user@acme.test", "r@muller.test", "admin@acme.test"].map((e) => idOf(db, e)));
    for (const dir of ["asc", "desc"] as const) {
      const sort = { key: "name" as const, dir };
      const csv = (await exported(admin, { userIds: ids, filters: userFiltersSchema.parse({}), sort })).map((r) => r.Email);
      const names = ["admin@acme.test", "r@muller.test", "user@acme.test"]; // Alice Adams, Rita Muller, Uma Ulrich
      expect(csv).toEqual(dir === "asc" ? names : [...names].reverse());
    }
  });
});
