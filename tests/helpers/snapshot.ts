// A serialisation of every row a user command may write, to prove that a refusal changed
// nothing: take one before, one after, and compare (a failing diff names the table and row).
import { expect } from "vitest";
import type { Db } from "@/db/client";
import { DomainError } from "@/lib/errors";
import { UNCHANGED_BY_REFUSALS, type UnchangedTable } from "./schema-tables";

export type Snapshot = Record<UnchangedTable, string[]>;

/** Every row of every table a refusal must not touch, as sorted text: equal snapshots, equal databases. */
export async function snapshot(db: Db): Promise<Snapshot> {
  const out = {} as Snapshot;
  for (const { name, table } of UNCHANGED_BY_REFUSALS) {
    out[name] = (await db.select().from(table)).map((row) => JSON.stringify(row)).sort();
  }
  return out;
}

/** Runs `work`, which must be refused with a DomainError, and proves the database did not change. */
export async function refusedWithoutChange(db: Db, work: () => Promise<unknown>): Promise<DomainError> {
  const before = await snapshot(db);
  const error = await work().then(
    (value) => new Error(`expected a refusal, got ${JSON.stringify(value)}`),
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect(await snapshot(db)).toEqual(before);
  return error as DomainError;
}

/** Runs `work` (a bulk command that refuses row by row) and proves the database did not change. */
export async function withoutChange<T>(db: Db, work: () => Promise<T>): Promise<T> {
  const before = await snapshot(db);
  const result = await work();
  expect(await snapshot(db)).toEqual(before);
  return result;
}

/**
 * How a command refused, after proving the database did not change: `upFront` when it refused
 * the whole request before looking anyone up (no permission to act on users at all), otherwise
 * the first skipped row of its bulk result.
 */
export async function refusalWithoutChange(db: Db, work: () => Promise<{ done: readonly string[]; skipped: readonly { code: string }[] } | void>) {
  const before = await snapshot(db);
  const outcome = await work().then(
    (result) => {
      expect(result?.done ?? []).toEqual([]);
      return { upFront: false, code: result?.skipped[0]?.code };
    },
    (thrown: unknown) => {
      expect(thrown).toBeInstanceOf(DomainError);
      return { upFront: true, code: (thrown as DomainError).code };
    },
  );
  expect(await snapshot(db)).toEqual(before);
  return outcome;
}
