// security.md I6 (second half): serialization failures and deadlocks raised by the database are
// retried a bounded number of times (3 attempts), each attempt starting from a clean rollback;
// other errors are not retried. The errors are real ones, raised by Postgres/PGlite itself.
import { count, eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db, Tx } from "@/db/client";
import { auditLog } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write";
import { inTransaction, pgCode } from "@/lib/commands/transaction";
import { DomainError } from "@/lib/errors";
import { freshDemoDb } from "../helpers/db";
import type { AuditAction } from "@/lib/audit/actions";

let db: Db;
beforeEach(async () => {
  db = await freshDemoDb();
});

/** Makes the database raise an error with this SQLSTATE inside the current transaction. */
async function raise(tx: Tx, sqlstate: "40001" | "40P01" | "23505" | "22012"): Promise<never> {
  // A fixed statement per code: no SQL text is assembled at run time.
  if (sqlstate === "40001") await tx.execute(sql`DO $$ BEGIN RAISE EXCEPTION 'forced' USING ERRCODE = '40001'; END $$`);
  else if (sqlstate === "40P01") await tx.execute(sql`DO $$ BEGIN RAISE EXCEPTION 'forced' USING ERRCODE = '40P01'; END $$`);
  else if (sqlstate === "23505") await tx.execute(sql`DO $$ BEGIN RAISE EXCEPTION 'forced' USING ERRCODE = '23505'; END $$`);
  else await tx.execute(sql`select 1 / 0`);
  throw new Error("the database did not raise");
}

const mark = (tx: Tx, attempt: number) => writeAudit(tx, { tenantId: null, action: "retry_probe" as AuditAction, targetLabel: `attempt ${attempt}` });
const probes = async () => (await db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, "retry_probe")))[0]?.n;

describe("I6: bounded retry of serialization failures and deadlocks", () => {
  it("a serialization failure (40001) on the first attempt is retried; only the successful attempt's writes remain", async () => {
    let attempts = 0;
    const result = await inTransaction(db, async (tx) => {
      attempts++;
      await mark(tx, attempts);
      if (attempts === 1) await raise(tx, "40001");
      return "done";
    });
    expect({ result, attempts, probes: await probes() }).toEqual({ result: "done", attempts: 2, probes: 1 });
  });

  it("a deadlock (40P01) twice, then success: 3 attempts", async () => {
    let attempts = 0;
    await inTransaction(db, async (tx) => {
      attempts++;
      await mark(tx, attempts);
      if (attempts < 3) await raise(tx, "40P01");
    });
    expect({ attempts, probes: await probes() }).toEqual({ attempts: 3, probes: 1 });
  });

  it("a deadlock on every attempt stops after 3 attempts with BUSY, and nothing was written", async () => {
    let attempts = 0;
    const error = await inTransaction(db, async (tx) => {
      attempts++;
      await mark(tx, attempts);
      await raise(tx, "40P01");
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: "BUSY", refusal: "BUSY", message: "Someone else is changing this right now. Try again in a moment." });
    expect({ attempts, probes: await probes() }).toEqual({ attempts: 3, probes: 0 });
  });

  it("other errors are not retried: a unique violation is one attempt and CONFLICT; a bug is one attempt and rethrown as is", async () => {
    let attempts = 0;
    const conflict = await inTransaction(db, async (tx) => {
      attempts++;
      await raise(tx, "23505");
    }).catch((e: unknown) => e);
    expect(attempts).toBe(1);
    expect(conflict).toMatchObject({ code: "CONFLICT" });

    attempts = 0;
    const bug = await inTransaction(db, async (tx) => {
      attempts++;
      await raise(tx, "22012");
    }).catch((e: unknown) => e);
    expect(attempts).toBe(1);
    expect(bug).not.toBeInstanceOf(DomainError);
    expect(pgCode(bug)).toBe("22012");
  });
});
