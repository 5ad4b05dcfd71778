import { DrizzleQueryError } from "drizzle-orm";
import { PgPreparedQuery } from "drizzle-orm/pg-core";

// A failed statement's error carries its bound parameters: Drizzle's "Failed query" wrapper in
// its message and a `params` field, and Postgres quotes a rejected value in its own message
// ('invalid input syntax for type uuid: "…"'). Whatever logs such an error — Next.js printing a
// page-render failure, a library, our own logger — would print a session id, a token hash or a
// password hash with it (security.md J4). So every failed statement is rethrown without them,
// once, at the source.

const PATCHED = Symbol.for("roster.queryErrorsRedacted");
const REDACTED = "[redacted]";
// Ids, hashes, tokens and emails are longer; shorter values (a role, a count) are no secret, and
// scrubbing them would mangle ordinary words of the message.
const MIN_SECRET_LENGTH = 8;

/** Every parameter value worth hiding, longest first (so a value's prefix does not leave a tail). */
function secrets(params: readonly unknown[]): string[] {
  // Dates and JSON are bound as text by the driver in its own way; a JSON value's pieces are not
  // matched either. The SQLSTATE, constraint and table names are kept for error mapping.
  return params
    .flatMap((p) => (Array.isArray(p) ? p : [p]))
    .map((p) => (typeof p === "string" || typeof p === "number" || typeof p === "bigint" ? String(p) : null))
    .filter((p): p is string => p !== null && p.length >= MIN_SECRET_LENGTH)
    .sort((a, b) => b.length - a.length);
}

const scrub = (text: string, values: readonly string[]) => values.reduce((out, value) => out.split(value).join(REDACTED), text);

/** The same failure without its parameters: the SQL text (placeholders only) and the driver's error, scrubbed of every value. */
function withoutParams(error: unknown): unknown {
  if (!(error instanceof DrizzleQueryError)) return error;
  const cause = error.cause as Error | undefined;
  if (cause instanceof Error) {
    const fields = cause as unknown as Record<string, unknown>;
    // PGlite's error repeats the statement's parameters in a field of its own; Postgres' detail
    // names a conflicting key's value or a whole failing row (columns the statement never bound).
    delete fields.params;
    delete fields.detail;
    delete fields.internalQuery;
    const values = secrets(error.params ?? []);
    cause.message = scrub(cause.message, values);
    if (cause.stack) cause.stack = scrub(cause.stack, values);
    for (const field of ["where", "hint"]) if (typeof fields[field] === "string") fields[field] = scrub(fields[field], values);
  }
  const redacted = new DrizzleQueryError(error.query, [], cause);
  redacted.message = `Failed query: ${error.query}`;
  redacted.stack = [`Error: ${redacted.message}`, ...(error.stack ?? "").split("\n").filter((line) => /^\s+at /.test(line))].join("\n");
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
