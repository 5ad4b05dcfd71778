// Part 3a: the bulk delete of the 10,000 users of "Bench Delete Target", selected as "all
// matching" (scope: that org), through the real command (lib/users/commands/delete.ts):
// selection, re-scoping with row locks, policy per row, last-Admin check, devices handed to the
// admin, the delete and one audit row per user — one transaction.
import { sql } from "drizzle-orm";
import { userFiltersSchema } from "@/lib/users/filters";
import { deleteUsers } from "@/lib/users/commands/delete";
import { actorAt } from "./actors";
import type { Engine } from "./engines";
import type { SeedInfo } from "./seed";

export type DeleteRun = {
  deleted: number;
  skipped: number;
  seconds: number;
  devicesMoved: number;
  left: number;
  error?: string;
  /** When "all matching" failed: the same 10,000 users as 10 commands of 1,000 ids (10 transactions). */
  fallback?: { deleted: number; seconds: number; error?: string };
};

function reason(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : null;
  const message = error instanceof Error ? error.message : String(error);
  return (cause ? `${cause} — ${message}` : message).slice(0, 200);
}

export async function runDelete(engine: Engine, seed: SeedInfo): Promise<DeleteRun> {
  const actor = await actorAt(engine.db, seed.adminEmail, seed.deleteOrgId);
  const devicesBefore = await adminDevices(engine, seed);
  const left = async () =>
    Number((await engine.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM users WHERE org_id = ${seed.deleteOrgId}`)).rows[0]?.n ?? -1);
  const started = performance.now();
  try {
    const result = await deleteUsers(engine.db, actor, {
      orgId: seed.deleteOrgId,
      matching: userFiltersSchema.parse({ scope: "org" }),
      devices: "to_me",
      confirm: "DELETE",
    });
    const seconds = (performance.now() - started) / 1000;
    return { deleted: result.done.length, skipped: result.skipped.length, seconds, devicesMoved: (await adminDevices(engine, seed)) - devicesBefore, left: await left() };
  } catch (error) {
    const seconds = (performance.now() - started) / 1000;
    const run: DeleteRun = { deleted: 0, skipped: 0, seconds, devicesMoved: 0, left: await left(), error: reason(error) };
    // What the same work costs through the path that does work: 10 × 1,000 named ids.
    const ids = (await engine.db.execute<{ id: string }>(sql`SELECT id FROM users WHERE org_id = ${seed.deleteOrgId} ORDER BY id`)).rows.map((r) => r.id);
    const t0 = performance.now();
    let deleted = 0;
    try {
      for (let i = 0; i < ids.length; i += 1_000) {
        const result = await deleteUsers(engine.db, actor, { orgId: seed.deleteOrgId, userIds: ids.slice(i, i + 1_000), devices: "to_me", confirm: "DELETE" });
        deleted += result.done.length;
      }
      run.fallback = { deleted, seconds: (performance.now() - t0) / 1000 };
    } catch (fallbackError) {
      run.fallback = { deleted, seconds: (performance.now() - t0) / 1000, error: reason(fallbackError) };
    }
    run.devicesMoved = (await adminDevices(engine, seed)) - devicesBefore;
    run.left = await left();
    return run;
  }
}

async function adminDevices(engine: Engine, seed: SeedInfo): Promise<number> {
  const [{ n } = { n: 0 }] = (
    await engine.db.execute<{ n: number }>(sql`SELECT device_count AS n FROM users WHERE email = ${seed.adminEmail}`)
  ).rows;
  return Number(n);
}
