import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { organizations } from "@/db/schema";
import { DEMO_PASSWORD } from "@/db/seed";
import { logIn } from "@/lib/auth/login";
import { loadViewer, type Viewer } from "@/lib/auth/session-check";
import { resolveActor } from "@/lib/commands/actor";
import { adminsWhoCanHelp } from "@/lib/orgs/resolve";
import { freshDemoDb } from "../helpers/db";

let db: Db;
const orgIds: Record<string, string> = {};

async function viewerFor(email: string): Promise<Viewer> {
  const login = (await logIn(db, { email, password: DEMO_PASSWORD, ip: "127.0.0.1", userAgent: null }))!;
  return (await loadViewer(db, { sid: login.sessionId, uid: login.userId, sv: login.sessionVersion }))!;
}

beforeAll(async () => {
  db = await freshDemoDb();
  for (const org of await db.select().from(organizations)) orgIds[org.name] = org.id;
});

describe("resolveActor: which org URLs a viewer may open", () => {
  it("lets an Admin with switch open every org below their own", async () => {
    const admin = await viewerFor("admin@acme.test");
    for (const name of ["Acme Heating", "Muller Boiler Group", "United Heaters Inc.", "Marsh Residence", "Hill Cottage"]) {
      const ctx = await resolveActor(db, admin, orgIds[name]!);
      expect(ctx?.org.name).toBe(name);
      expect(ctx?.policy.grants.has("users.delete")).toBe(true);
    }
  });

  it("never lets a viewer into another tenant, whatever their role", async () => {
    const globex = await viewerFor("admin@globex.test");
    expect(await resolveActor(db, globex, orgIds["Acme Heating"]!)).toBeNull();
    expect(await resolveActor(db, globex, orgIds["Muller Boiler Group"]!)).toBeNull();
    const acme = await viewerFor("admin@acme.test");
    expect(await resolveActor(db, acme, orgIds["Globex"]!)).toBeNull();
  });

  it("never lets a viewer above their own org or into a sibling", async () => {
    const m = await viewerFor("m@united.test");
    expect(await resolveActor(db, m, orgIds["United Heaters Inc."]!)).toBeNull();
    expect(await resolveActor(db, m, orgIds["Hill Cottage"]!)).toBeNull();
    expect(await resolveActor(db, m, orgIds["Acme Heating"]!)).toBeNull();
    expect((await resolveActor(db, m, orgIds["Marsh Residence"]!))?.policy.grants).toEqual(new Set(["own_devices.view", "own_devices.control"]));
  });

  it("keeps a viewer without 'switch to sub-organizations' in their own org", async () => {
    const user = await viewerFor("user@acme.test");
    expect(await resolveActor(db, user, orgIds["Muller Boiler Group"]!)).toBeNull();
    const own = await resolveActor(db, user, orgIds["Acme Heating"]!);
    expect(own?.policy.grants.size).toBe(0);
  });

  it("answers garbage and unknown ids like a foreign one", async () => {
    const admin = await viewerFor("admin@acme.test");
    expect(await resolveActor(db, admin, "not-a-uuid")).toBeNull();
    expect(await resolveActor(db, admin, crypto.randomUUID())).toBeNull();
  });

  it("names the Admins who can grant permissions, from the nearest org that has one", async () => {
    const [marsh] = await db.select().from(organizations).where(eq(organizations.id, orgIds["Marsh Residence"]!));
    expect(await adminsWhoCanHelp(db, marsh!)).toEqual({ orgName: "Acme Heating", names: ["Alice Adams"] });
  });
});
