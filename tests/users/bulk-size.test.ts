import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { actorFor } from "../helpers/actors";
import { freshDemoDb } from "../helpers/db";
import { deleteUsers } from "../helpers/commands";

describe("bulk actions past the database's parameter limit", () => {
  it("deletes 6,000 'all matching' users in one command, with one audit row each", { timeout: 120_000 }, async () => {
    const db = await freshDemoDb();
    const admin = await actorFor(db, "admin@acme.test");
    await db.execute(sql`
      INSERT INTO users (tenant_id, org_id, email, name, role, accepted_at, last_login_at)
      SELECT ${admin.viewer.tenant.id}::uuid, ${admin.org.id}::uuid, 'bulk' || g || '@many.test', 'Bulk ' || g, 'user', now(), now()
      FROM generate_series(1, 6000) AS g`);
    const result = await deleteUsers(db, admin, { orgId: admin.org.id, matching: { q: "@many.test" }, confirm: "DELETE" });
    expect(result.done).toHaveLength(6000);
    const [{ left = -1 } = {}] = (await db.execute<{ left: number }>(sql`SELECT count(*)::int AS left FROM users WHERE email LIKE '%@many.test'`)).rows;
    const [{ audited = -1 } = {}] = (await db.execute<{ audited: number }>(sql`SELECT count(*)::int AS audited FROM audit_log WHERE action = 'user_deleted' AND target_label LIKE '%@many.test'`)).rows;
    expect({ left, audited }).toEqual({ left: 0, audited: 6000 });
  });
});
