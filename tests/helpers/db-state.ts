// A digest of every table a command may write, straight from SQL, to prove "nothing changed"
// after a failed command: equal digests mean equal row sets, every column included.
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { UNCHANGED_BY_REFUSALS } from "./schema-tables";

export type TableDigests = Record<string, string>;

/** "rows:md5" per table; the md5 covers each row's full text form, in a stable order. */
export async function tableDigests(db: Db): Promise<TableDigests> {
  const out = {} as TableDigests;
  for (const { name: table } of UNCHANGED_BY_REFUSALS) {
    const { rows } = await db.execute<{ n: string | number; h: string | null }>(
      sql`select count(*) as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from ${sql.identifier(table)} t`,
    );
    out[table] = `${rows[0]!.n}:${rows[0]!.h}`;
  }
  return out;
}

/** Audit rows whose target label starts with this (i.e. users with such an email) are refused. */
export const FAULT_PREFIX = "fault-";

/**
 * Installs a trigger that makes the audit insert of commands on "fault-…" users fail. The audit
 * insert is the last statement of every command, so everything before it has been written when
 * it fails; the error message reports the rows the failing transaction could see for the audited
 * email at that moment (proof there was something to roll back). Returns the remover: the
 * trigger lives in the test database only while a test needs it.
 */
export async function failAuditInserts(db: Db): Promise<() => Promise<void>> {
  await db.execute(sql`DROP TRIGGER IF EXISTS test_fail_audit ON audit_log`);
  await db.execute(
    sql`CREATE OR REPLACE FUNCTION test_fail_audit() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.target_label LIKE 'fault-%' THEN
            RAISE EXCEPTION 'injected fault: users=% suspended=% role=% outbox=% devices=%',
              (SELECT count(*) FROM users WHERE email = NEW.target_label),
              (SELECT count(*) FROM users WHERE email = NEW.target_label AND suspended_at IS NOT NULL),
              (SELECT coalesce(max(role), '-') FROM users WHERE email = NEW.target_label),
              (SELECT count(*) FROM outbox WHERE to_address = NEW.target_label),
              (SELECT count(*) FROM devices d JOIN users u ON u.id = d.owner_id WHERE u.email = NEW.target_label);
          END IF;
          RETURN NEW;
        END $$`,
  );
  await db.execute(sql`CREATE TRIGGER test_fail_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION test_fail_audit()`);
  return async () => {
    await db.execute(sql`DROP TRIGGER IF EXISTS test_fail_audit ON audit_log`);
    await db.execute(sql`DROP FUNCTION IF EXISTS test_fail_audit()`);
  };
}
