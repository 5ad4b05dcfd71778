// An org's time zone is used where no viewer is present (product.md §1): the emails it sends and
// the CSV files it exports. The console keeps the viewer's own.
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditCsv } from "@/lib/audit/export";
import type { Actor } from "@/lib/commands/actor";
import { exportColumns, exportUserRows } from "@/lib/users/export";
import { userFiltersSchema } from "@/lib/users/filters";
import { prepareResetRequests } from "@/lib/users/commands/account-recovery";
import { actorFor, orgIdByName } from "../helpers/actors";
import { editOrgSettings, inviteUser, requestPasswordReset, resendInvitations } from "../helpers/commands";
import { freshDemoDb } from "../helpers/db";
import { emailsTo } from "../helpers/fixtures";

const NOW = new Date("2026-12-07T08:15:00Z");
// Intl may put a narrow no-break space before AM/PM.
const bodyOf = async (db: Db, to: string) => (await emailsTo(db, to)).map((e) => e.textBody.replace(/\u202f/g, " "));

let db: Db;
let admin: Actor;
beforeEach(async () => {
  db = await freshDemoDb();
  admin = await actorFor(db, "admin@acme.test");
  await editOrgSettings(db, admin, { orgId: admin.org.id, name: "Acme Heating", description: "", timezone: "Asia/Tokyo" });
  const muller = await actorFor(db, "admin@acme.test", await orgIdByName(db, "Muller Boiler Group"));
  await editOrgSettings(db, muller, { orgId: muller.org.id, name: "Muller Boiler Group", description: "", timezone: "America/New_York" });
  admin = await actorFor(db, "admin@acme.test");
});

describe("emails", () => {
  it("tell an invitation's expiry in the time zone of the org invited into, not the inviter's", async () => {
    await inviteUser(db, admin, { orgId: admin.org.id, name: "Tomo Tanaka", email: "tomo@acme.test", role: "user", locationIds: [] }, NOW);
    const muller = await orgIdByName(db, "Muller Boiler Group");
    await inviteUser(db, admin, { orgId: admin.org.id, targetOrgId: muller, name: "Nora York", email: "nora@muller.test", role: "user", locationIds: [] }, NOW);
    // Thirty days after 08:15 UTC on Dec 7.
    expect(await bodyOf(db, "tomo@acme.test")).toEqual([expect.stringContaining("expires in 30 days, on Jan 6, 2027, 5:15 PM (Asia/Tokyo).")]);
    expect(await bodyOf(db, "nora@muller.test")).toEqual([expect.stringContaining("expires in 30 days, on Jan 6, 2027, 3:15 AM (America/New_York).")]);

    const later = new Date("2026-12-08T08:15:00Z");
    const nora = await actorFor(db, "admin@acme.test");
    const { done } = await resendInvitations(db, nora, { orgId: nora.org.id, matching: { q: "nora@muller.test", scope: "reach" } }, later);
    expect(done).toHaveLength(1);
    expect((await bodyOf(db, "nora@muller.test"))[1]).toContain("on Jan 7, 2027, 3:15 AM (America/New_York).");
  });

  it("tell a reset link's expiry in the time zone of the person's org", async () => {
    await requestPasswordReset(db, { email: "staff@acme.test" }, { ip: "10.3.3.3", now: NOW });
    await prepareResetRequests(db, NOW);
    expect(await bodyOf(db, "staff@acme.test")).toEqual([expect.stringContaining("expires in 60 minutes, at Dec 7, 2026, 6:15 PM (Asia/Tokyo).")]);
  });
});

describe("CSV exports", () => {
  it("use the exported org's zone: a root viewer in Tokyo exporting Muller gets New York offsets", async () => {
    const muller = await actorFor(db, "admin@acme.test", await orgIdByName(db, "Muller Boiler Group"));
    const columns = exportColumns(muller.org.timezone);
    expect(columns).toContain("Registered (America/New_York)");
    const rows = [];
    for await (const row of exportUserRows(db, muller, { filters: userFiltersSchema.parse({}) })) rows.push(row);
    const registered = rows.map((r) => r[columns.indexOf("Registered (America/New_York)")]);
    expect(registered.length).toBeGreaterThan(0);
    for (const date of registered) expect(date).toMatch(/-0[45]:00$/);

    const audit = await auditCsv(db, muller, { actor: "", action: null, target: "", from: null, to: null });
    expect(audit.columns[0]).toBe("When (America/New_York)");
    const first = (await audit.rows.next()).value as string[];
    expect(first[0]).toMatch(/-0[45]:00$/);
  });

  it("use the root's new zone once it is changed", async () => {
    const columns = exportColumns(admin.org.timezone);
    expect(columns).toContain("Last login (Asia/Tokyo)");
    const [row] = await (async () => {
      const out = [];
      for await (const r of exportUserRows(db, admin, { filters: userFiltersSchema.parse({}) })) out.push(r);
      return out;
    })();
    expect(row![columns.indexOf("Registered (Asia/Tokyo)")]).toMatch(/\+09:00$/);
  });
});
