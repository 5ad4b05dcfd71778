// The database's enums are the policy's lists: a value added to one and not the other (or a
// migration that forgot it) fails here, not in production.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { ORG_TYPES, PLAN_KEYS } from "@/lib/policy";

async function enumValues(name: string): Promise<string[]> {
  const db = await getDb();
  const { rows } = await db.execute<{ value: string }>(
    sql`SELECT e.enumlabel AS value FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid WHERE t.typname = ${name} ORDER BY e.enumsortorder`,
  );
  return rows.map((r) => r.value);
}

describe("database enums", () => {
  it.each([
    ["plan", PLAN_KEYS],
    ["org_type", ORG_TYPES],
  ] as const)("%s holds exactly the policy's values, in order", async (name, values) => {
    expect(await enumValues(name)).toEqual([...values]);
  });
});
