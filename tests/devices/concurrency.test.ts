// Bulk deletes and edits of the same devices at once: each device goes once, with one audit row,
// and an edit that loses the race is "not found" rather than writing about a device that is gone.
import { eq, inArray } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, devices } from "@/db/schema";
import type { BulkResult } from "@/lib/commands/bulk";
import { DomainError } from "@/lib/errors";
import { actorFor, orgIdByName } from "../helpers/actors";
import { freshDemoDb } from "../helpers/db";
import { describeError, describePostgres, race, rejected } from "../helpers/race";
import { deleteDevices, editDevice } from "../helpers/commands";

const ROUNDS = 10;
let db: Db;
beforeEach(async () => {
  db = await freshDemoDb();
});

describePostgres("bulk device deletes racing each other and an edit", () => {
  it(`${ROUNDS} rounds: two Admins delete overlapping devices while one is renamed`, { timeout: 120_000 }, async () => {
    const muller = await orgIdByName(db, "Muller Boiler Group");
    const alice = await actorFor(db, "admin@acme.test");
    const staff = await actorFor(db, "staff@acme.test");
    const orgId = alice.org.id;
    for (let round = 0; round < ROUNDS; round++) {
      const made = await db
        .insert(devices)
        .values(["A", "B", "C", "D"].map((n) => ({ tenantId: alice.viewer.tenant.id, orgId: muller, name: `r${round}-${n}` })))
        .returning({ id: devices.id });
      const [a, b, c, d] = made.map((m) => m.id) as [string, string, string, string];
      const outcome = await race<BulkResult | void>(db, [
        (g) => deleteDevices(g, alice, { orgId, deviceIds: [a, b, c], confirm: "DELETE" }),
        (g) => deleteDevices(g, alice, { orgId, deviceIds: [c, d, b], confirm: "DELETE" }),
        (g) => editDevice(g, staff, { orgId, deviceId: c, name: `r${round}-C renamed`, model: "" }),
      ]);
      const [first, second] = outcome.results.slice(0, 2).map((r) => (r.status === "fulfilled" ? (r.value as BulkResult) : null));
      expect(first, describeError((outcome.results[0] as PromiseRejectedResult).reason)).not.toBeNull();
      expect(second, describeError((outcome.results[1] as PromiseRejectedResult).reason)).not.toBeNull();
      // Every device went, by exactly one of the two, and the other said "not found" for it.
      expect([...first!.done, ...second!.done].sort()).toEqual([a, b, c, d].sort());
      for (const [mine, asked, theirs] of [[first!, [a, b, c], second!], [second!, [c, d, b], first!]] as const) {
        expect(mine.skipped.map((s) => s.id).sort()).toEqual(asked.filter((id) => !mine.done.includes(id)).sort());
        for (const s of mine.skipped) expect(theirs.done).toContain(s.id);
        for (const s of mine.skipped) expect(s).toMatchObject({ code: "NOT_FOUND", name: "Unknown device" });
      }
      expect(await db.select().from(devices).where(inArray(devices.id, [a, b, c, d]))).toEqual([]);
      for (const id of [a, b, c, d]) expect(await db.select().from(auditLog).where(eq(auditLog.targetId, id)).then((rows) => rows.filter((r) => r.action === "device_deleted"))).toHaveLength(1);
      // The edit either came first (and is in the log) or found nothing.
      const [editError] = rejected(outcome.results.slice(2));
      const edits = (await db.select().from(auditLog).where(eq(auditLog.targetId, c))).filter((r) => r.action === "device_updated");
      if (editError) {
        expect(editError).toBeInstanceOf(DomainError);
        expect((editError as DomainError).code).toBe("NOT_FOUND");
        expect(edits).toHaveLength(0);
      } else {
        expect(edits).toHaveLength(1);
      }
    }
  });
});
