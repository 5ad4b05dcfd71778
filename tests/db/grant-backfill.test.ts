// Migration 0018 gives the catalogue's new permissions to the Admins and Staff of databases made
// before them, and only where what they depend on is held: replayed here on grants without them.
import fs from "node:fs";
import path from "node:path";
import { and, eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { roleGrants, roles } from "@/db/schema";
import { missingDependencies, type Permission } from "@/lib/policy";
import { orgIdByName } from "../helpers/actors";
import { freshDemoDb } from "../helpers/db";

const NEW: Permission[] = ["org_devices.edit", "users.send_device_log"];
const backfill = fs
  .readFileSync(path.resolve(__dirname, "../../db/migrations/0018_console_settings.sql"), "utf8")
  .split("--> statement-breakpoint")
  .filter((statement) => /INSERT INTO "role_grants"/.test(statement));

let db: Db;
async function held(orgName: string, role: string): Promise<string[]> {
  const rows = await db
    .select({ permission: roleGrants.permission })
    .from(roleGrants)
    .innerJoin(roles, eq(roles.id, roleGrants.roleId))
    .where(and(eq(roleGrants.orgId, await orgIdByName(db, orgName)), eq(roles.key, role)));
  return rows.map((r) => r.permission).sort();
}

beforeAll(async () => {
  db = await freshDemoDb();
  // A database from before the migration: nobody holds the new permissions, and Muller's Staff
  // were denied the org's devices.
  await db.delete(roleGrants).where(inArray(roleGrants.permission, NEW));
  const staff = await db.select({ id: roles.id }).from(roles).where(and(eq(roles.tenantId, await orgIdByName(db, "Acme Heating")), eq(roles.key, "staff")));
  await db.delete(roleGrants).where(and(eq(roleGrants.orgId, await orgIdByName(db, "Muller Boiler Group")), eq(roleGrants.roleId, staff[0]!.id), eq(roleGrants.permission, "org_devices.view")));
  // eslint-disable-next-line no-restricted-properties -- replays a committed migration file; no input reaches it
  for (const statement of backfill) await db.execute(sql.raw(statement));
});

describe("migration 0018's grants", () => {
  it("finds its two statements", () => expect(backfill).toHaveLength(2));

  it.each([
    ["Acme Heating", "admin"],
    ["Acme Heating", "staff"],
    ["Globex", "admin"],
  ])("gives %s's %s both new permissions", async (org, role) => {
    expect(await held(org, role)).toEqual(expect.arrayContaining(NEW));
  });

  it("gives nothing to the User role, or to a role without what the permission needs", async () => {
    expect(await held("Acme Heating", "user")).toEqual([]);
    const mullerStaff = await held("Muller Boiler Group", "staff");
    for (const p of NEW) expect(mullerStaff).not.toContain(p);
    expect(missingDependencies(mullerStaff).filter((m) => NEW.includes(m.permission))).toEqual([]);
  });
});
