import { asc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog } from "@/db/schema";
import { writeAudit, writeAuditMany, type AuditEntry } from "@/lib/audit/write";
import { actorFor } from "../helpers/actors";
import { freshDemoDb } from "../helpers/db";
import { randomId } from "../helpers/fixtures";
import type { AuditAction } from "@/lib/audit/actions";

/** An action no command writes, so the test finds exactly its own rows. */
const probe = (name: string) => name as AuditAction;

let db: Db;
beforeEach(async () => {
  db = await freshDemoDb();
});

const written = async (action: string) =>
  (await db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(asc(auditLog.id))).map((r) => ({
    tenantId: r.tenantId,
    orgId: r.orgId,
    actorId: r.actorId,
    actorEmail: r.actorEmail,
    action: r.action,
    targetType: r.targetType,
    targetId: r.targetId,
    targetLabel: r.targetLabel,
    before: r.before,
    after: r.after,
    requestId: r.requestId,
    ip: r.ip,
  }));

describe("writeAuditMany", () => {
  it("writes each row as given, whether a value is shared by every row, differs, or is missing", async () => {
    const actor = await actorFor(db, "admin@acme.test");
    const common = { tenantId: actor.viewer.tenant.id, actorId: actor.viewer.userId, actorEmail: "admin@acme.test", action: probe("probe_written"), requestId: "req-1", ip: "127.0.0.1" };
    const entries: AuditEntry[] = [
      { ...common, orgId: actor.org.id, targetType: "user", targetId: randomId(), targetLabel: "a@x.test", before: { name: "A", tags: ["x"] }, after: { n: 1 } },
      { ...common, orgId: null, targetType: "user", targetId: randomId(), targetLabel: "O'Brien \"quoted\" \\ é", before: null, after: { n: 1 } },
      { ...common, orgId: actor.org.id, targetType: "device", targetId: null, before: "text", after: { n: 1 }, ip: null },
      { ...common, orgId: actor.org.id, targetType: "user", targetId: randomId(), before: [1, null, { deep: { er: true } }], after: { n: 1 } },
    ];
    await writeAuditMany(db, entries);
    const expected = entries.map((e) => ({ orgId: null, targetType: null, targetId: null, targetLabel: null, before: null, after: null, ip: null, ...e }));
    expect(await written("probe_written")).toEqual(expected);
  });

  it("writes one entry, and a batch in which every value is shared", async () => {
    const actor = await actorFor(db, "admin@acme.test");
    const entry: AuditEntry = { tenantId: actor.viewer.tenant.id, action: probe("probe_alone"), after: { same: true } };
    await writeAudit(db, entry);
    await writeAuditMany(db, [entry, entry, entry]);
    const rows = await written("probe_alone");
    expect(rows).toHaveLength(4);
    for (const row of rows) expect(row).toMatchObject({ tenantId: actor.viewer.tenant.id, orgId: null, actorId: null, before: null, after: { same: true } });
  });

  it("writes nothing for no entries", async () => {
    const before = await db.$count(auditLog);
    await writeAuditMany(db, []);
    expect(await db.$count(auditLog)).toBe(before);
  });
});
