import { and, eq, lt, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { estimatedRows, forgetEstimates, rememberedEstimate } from "@/lib/sql/estimates";
import { actorFor } from "../helpers/actors";
import { freshDemoDb } from "../helpers/db";

let db: Db;
let tenantId: string;
beforeAll(async () => {
  db = await freshDemoDb();
  tenantId = (await actorFor(db, "admin@acme.test")).viewer.tenant.id;
});

const loggedInBefore = (date: Date) => and(eq(users.tenantId, tenantId), lt(users.lastLoginKey, date))!;
const MINUTE = 60_000;

describe("remembered planner estimates", () => {
  it("reuses an estimate for five minutes, to the hour of any date in the query, then asks again", async () => {
    const cutoff = new Date("2030-01-01T10:05:00Z");
    const t0 = Date.now();
    const before = await rememberedEstimate(db, users, loggedInBefore(cutoff), t0);

    // Statistics that make the planner expect many more matches.
    await db.execute(sql`
      INSERT INTO users (tenant_id, org_id, email, name, role, accepted_at, last_login_at)
      SELECT ${tenantId}::uuid, ${tenantId}::uuid, 'est' || g || '@acme.test', 'Est ' || g, 'user', now(), now()
      FROM generate_series(1, 3000) AS g`);
    await db.execute(sql`ANALYZE users`);
    const after = await estimatedRows(db, users, loggedInBefore(cutoff));
    expect(after).toBeGreaterThan(before + 1000);

    // The same query in the same hour, four minutes on: the remembered figure.
    expect(await rememberedEstimate(db, users, loggedInBefore(new Date("2030-01-01T10:40:00Z")), t0 + 4 * MINUTE)).toBe(before);
    // Another hour is another query.
    expect(await rememberedEstimate(db, users, loggedInBefore(new Date("2030-01-01T12:05:00Z")), t0 + 4 * MINUTE)).toBe(after);
    // Past five minutes the planner is asked again.
    expect(await rememberedEstimate(db, users, loggedInBefore(cutoff), t0 + 6 * MINUTE)).toBe(after);
  });

  it("keeps each query's own estimate, and forgets them all on request", async () => {
    const everyone = eq(users.tenantId, tenantId);
    const nobody = and(eq(users.tenantId, tenantId), eq(users.email, "nobody@nowhere.test"))!;
    const many = await rememberedEstimate(db, users, everyone);
    const few = await rememberedEstimate(db, users, nobody);
    expect(many).toBeGreaterThan(few);
    expect(await rememberedEstimate(db, users, everyone)).toBe(many);

    await db.execute(sql`
      INSERT INTO users (tenant_id, org_id, email, name, role, accepted_at, last_login_at)
      SELECT ${tenantId}::uuid, ${tenantId}::uuid, 'more' || g || '@acme.test', 'More ' || g, 'user', now(), now()
      FROM generate_series(1, 3000) AS g`);
    await db.execute(sql`ANALYZE users`);
    expect(await rememberedEstimate(db, users, everyone)).toBe(many);
    forgetEstimates(db);
    expect(await rememberedEstimate(db, users, everyone)).toBeGreaterThan(many + 1000);
  });
});
