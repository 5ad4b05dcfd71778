import { DrizzleQueryError } from "drizzle-orm";
import { PgPreparedQuery } from "drizzle-orm/pg-core";

// Drizzle's "Failed query" error carries the statement's bound parameters in its message and
// in a `params` field, and whatever logs it — Next.js printing a page-render error, a library,
// our own logger — would print a session id, a token hash or a password hash with it
// (security.md J4). Every failed statement is rethrown without them, once, at the source.

const PATCHED = Symbol.for("roster.queryErrorsRedacted");

/** The same error without its parameters: the SQL text (placeholders only) and the driver's cause stay. */
export function withoutParams(error: unknown): unknown {
  if (!(error instanceof DrizzleQueryError)) return error;
  const redacted = new DrizzleQueryError(error.query, [], error.cause as Error | undefined);
  redacted.message = `Failed query: ${error.query}`;
  redacted.stack = `${redacted.name}: ${redacted.message}\n${(error.stack ?? "").split("\n").slice(1).join("\n")}`;
  return redacted;
}

export function redactQueryErrors(): void {
  const proto = PgPreparedQuery.prototype as unknown as Record<symbol | string, unknown>;
  if (proto[PATCHED]) return;
  const original = proto.queryWithCache as (...args: unknown[]) => Promise<unknown>;
  proto.queryWithCache = async function queryWithCache(this: unknown, ...args: unknown[]) {
    try {
      return await original.apply(this, args);
    } catch (error) {
      throw withoutParams(error);
    }
  };
  proto[PATCHED] = true;
}
