// The audit log's CSV: machine-readable columns beside readable ones, people and orgs by the
// names they had when it happened, dates with the org's offset.
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog } from "@/db/schema";
import { auditCsv } from "@/lib/audit/export";
import { csvResponse } from "@/lib/csv/response";
import { loadGrants } from "@/lib/orgs/resolve";
import type { Actor } from "@/lib/commands/actor";
import type { AuditFilters } from "@/lib/table/audit";
import { actorFor } from "../helpers/actors";
import { changeRoles, editUser, updateGrants } from "../helpers/commands";
import { freshDemoDb } from "../helpers/db";
import { setOrgTimeZone } from "../helpers/time-zone";
import { userByEmail } from "../helpers/demo";
import { idOf } from "../helpers/fixtures";

const NO_FILTERS: AuditFilters = { actor: "", action: null, target: "", from: null, to: null };

let db: Db;
let admin: Actor;
beforeEach(async () => {
  db = await freshDemoDb();
  await setOrgTimeZone(db, "Acme Heating", "Europe/Berlin");
  admin = await actorFor(db, "admin@acme.test");
});

async function csv(actor: Actor, filters: AuditFilters = NO_FILTERS): Promise<{ columns: string[]; rows: Record<string, string>[] }> {
  const { columns, rows } = await auditCsv(db, actor, filters);
  const out: Record<string, string>[] = [];
  for await (const row of rows) out.push(Object.fromEntries(columns.map((c, i) => [c, row[i]!])));
  return { columns, rows: out };
}

describe("audit CSV", () => {
  it("keeps the key, ids and JSON beside the names then and a readable summary", async () => {
    const sam = await idOf(db, "staff@acme.test");
    await changeRoles(db, admin, { orgId: admin.org.id, userIds: [sam], role: "admin" });
    // Renamed afterwards: the row still names the person as they were.
    const samRow = await userByEmail(db, "staff@acme.test");
    await editUser(db, admin, { orgId: admin.org.id, userId: sam, name: "Samantha Stone", role: samRow.role, locationIds: [] });

    const { columns, rows } = await csv(admin, { ...NO_FILTERS, action: "user_role_changed" });
    expect(columns).toEqual([
      "When (Europe/Berlin)",
      "Who",
      "Who (email)",
      "Action",
      "What",
      "Target type",
      "Target id",
      "Target",
      "Target (as recorded)",
      "Organization id",
      "Organization",
      "Before (JSON)",
      "After (JSON)",
      "Summary",
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      Who: "Alice Adams",
      "Who (email)": "admin@acme.test",
      Action: "user_role_changed",
      What: "Role changed",
      "Target type": "user",
      "Target id": sam,
      Target: "Sam Stone",
      "Target (as recorded)": "staff@acme.test",
      "Organization id": admin.org.id,
      Organization: "Acme Heating",
      Summary: "Alice Adams: Role changed — Sam Stone. Role changed from Staff to Admin.",
    });
    expect(JSON.parse(rows[0]!["Before (JSON)"]!)).toMatchObject({ role: "staff" });
    expect(JSON.parse(rows[0]!["After (JSON)"]!)).toMatchObject({ role: "admin" });
    expect(rows[0]!["When (Europe/Berlin)"]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[12]:00$/);

    const edited = (await csv(admin, { ...NO_FILTERS, action: "user_updated" })).rows[0]!;
    expect(edited.Summary).toBe("Alice Adams: Details edited — Samantha Stone. Name changed from Sam Stone to Samantha Stone.");
  });

  it("tells permissions by their labels, and dates with the org's offset, summer and winter", async () => {
    const tenantId = admin.viewer.tenant.id;
    const grants = [...(await loadGrants(db, tenantId, admin.org.id, "staff"))].filter((p) => p !== "users.invite");
    await updateGrants(db, admin, { orgId: admin.org.id, roles: [{ role: "staff", grants }], propagate: "none" });
    const changed = (await csv(admin, { ...NO_FILTERS, action: "role_grants_changed" })).rows[0]!;
    expect(changed.Summary).toBe("Alice Adams: Role grants changed — Staff. Staff lost Invite users.");
    expect(JSON.parse(changed["After (JSON)"]!)).toMatchObject({ removed: ["users.invite"] });

    // The log is append-only: rows of a known time are written, not moved.
    const at = (iso: string) => ({ tenantId, orgId: admin.org.id, actorEmail: "admin@acme.test", action: "user_suspended", targetLabel: iso, createdAt: new Date(iso) });
    await db.insert(auditLog).values([at("2026-07-01T08:00:00.000Z"), at("2026-12-07T08:15:00.000Z")]);
    const when = async (iso: string) => (await csv(admin, { ...NO_FILTERS, target: iso })).rows.map((r) => r["When (Europe/Berlin)"]);
    expect(await when("2026-07-01T08:00:00.000Z")).toEqual(["2026-07-01T10:00:00+02:00"]);
    expect(await when("2026-12-07T08:15:00.000Z")).toEqual(["2026-12-07T09:15:00+01:00"]);
  });

  it("streams as a CSV file whose header names the time zone", async () => {
    const { columns, rows } = await auditCsv(db, admin, NO_FILTERS);
    const text = await csvResponse(rows, { columns, filename: "audit.csv" }).text();
    expect(text.replace(/^\ufeff/, "").split("\n")[0]).toBe("When (Europe/Berlin),Who,Who (email),Action,What,Target type,Target id,Target,Target (as recorded),Organization id,Organization,Before (JSON),After (JSON),Summary");
  });
});
