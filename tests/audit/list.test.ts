import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditRowsForExport, listAudit } from "@/lib/audit/list";
import { writeAuditMany, type AuditEntry } from "@/lib/audit/write";
import { actorFor, orgIdByName } from "../helpers/actors";
import { freshDemoDb } from "../helpers/db";
import type { AuditAction } from "@/lib/audit/actions";
import type { AuditFilters } from "@/lib/table/audit";
const NO_FILTERS: AuditFilters = { actor: "", action: null, target: "", from: null, to: null };

let db: Db;
beforeEach(async () => {
  db = await freshDemoDb();
});

/** One "probe_<label>" entry in each named org of its tenant. */
async function writeProbes(probes: Array<{ label: string; org: string; by: string }>) {
  const entries: AuditEntry[] = [];
  for (const p of probes) {
    const actor = await actorFor(db, p.by);
    entries.push({ tenantId: actor.viewer.tenant.id, orgId: await orgIdByName(db, p.org), actorEmail: p.by, action: `probe_${p.label}` as AuditAction, targetLabel: `${p.label}@target.test` });
  }
  await writeAuditMany(db, entries);
}

const probesIn = (rows: Array<{ action: string }>) => rows.map((r) => r.action).filter((a) => a.startsWith("probe_")).sort();

describe("listAudit", () => {
  beforeEach(async () => {
    await writeProbes([
      { label: "root", org: "Acme Heating", by: "admin@acme.test" },
      { label: "united", org: "United Heaters Inc.", by: "admin@acme.test" },
      { label: "marsh", org: "Marsh Residence", by: "admin@acme.test" },
      { label: "muller", org: "Muller Boiler Group", by: "admin@acme.test" },
      { label: "globex", org: "Globex", by: "admin@globex.test" },
    ]);
  });

  it("shows the org and its subtree, never another tenant's entries", async () => {
    const atRoot = await actorFor(db, "admin@acme.test");
    expect(probesIn((await listAudit(db, atRoot, NO_FILTERS)).rows)).toEqual(["probe_marsh", "probe_muller", "probe_root", "probe_united"]);

    const atUnited = await actorFor(db, "admin@acme.test", await orgIdByName(db, "United Heaters Inc."));
    expect(probesIn((await listAudit(db, atUnited, NO_FILTERS)).rows)).toEqual(["probe_marsh", "probe_united"]);

    const globex = await actorFor(db, "admin@globex.test");
    expect(probesIn((await listAudit(db, globex, NO_FILTERS)).rows)).toEqual(["probe_globex"]);
  });

  it("filters by actor, action and target, and the export sees the same rows", async () => {
    const atRoot = await actorFor(db, "admin@acme.test");
    expect(probesIn((await listAudit(db, atRoot, { ...NO_FILTERS, action: "probe_united" as AuditAction })).rows)).toEqual(["probe_united"]);
    expect(probesIn((await listAudit(db, atRoot, { ...NO_FILTERS, target: "MARSH@" })).rows)).toEqual(["probe_marsh"]);
    // The Globex admin's entry matches the actor filter but belongs to another tenant.
    expect(probesIn((await listAudit(db, atRoot, { ...NO_FILTERS, actor: "globex" })).rows)).toEqual([]);
    // A LIKE wildcard in a filter is a literal character.
    expect(probesIn((await listAudit(db, atRoot, { ...NO_FILTERS, target: "%" })).rows)).toEqual([]);

    const exported: string[] = [];
    for await (const row of auditRowsForExport(db, atRoot, { ...NO_FILTERS, actor: "admin@acme" })) exported.push(row.action);
    expect(probesIn(exported.map((action) => ({ action })))).toEqual(["probe_marsh", "probe_muller", "probe_root", "probe_united"]);
  });

  it("pages by id, newest first, without gaps or repeats", async () => {
    const atRoot = await actorFor(db, "admin@acme.test");
    const all = (await listAudit(db, atRoot, NO_FILTERS, { size: 1_000 })).rows.map((r) => r.id);
    const paged: number[] = [];
    let before: number | null = null;
    for (;;) {
      const page: Awaited<ReturnType<typeof listAudit>> = await listAudit(db, atRoot, NO_FILTERS, { before, size: 2 });
      paged.push(...page.rows.map((r) => r.id));
      if (!page.next) break;
      before = page.next;
    }
    expect(paged).toEqual(all);
    expect([...all].sort((a, b) => b - a)).toEqual(all);
  });

  it("refuses a viewer without audit.view", async () => {
    const user = await actorFor(db, "user@acme.test");
    await expect(listAudit(db, user, NO_FILTERS)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
