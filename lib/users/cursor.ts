import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { isUuid } from "@/lib/sql/uuid";
import { decodeCursor, encodeCursor } from "@/lib/table/cursor";
import type { UserSortKey } from "./sort";

/**
 * A position in the users list: the sort expressions' values as text, the id tiebreaker, and
 * the row's place in the list (0-based), so a page can say which rows it shows ("26–50 of 80").
 */
export type UserCursor = { v: string[]; id: string; at: number };

/** Each sort key's cursor values travel as text and are cast back to these types. */
export const CASTS: Record<UserSortKey, string[]> = {
  name: ["text"],
  email: ["text"],
  // The last text of the non-unique sorts is the name, their tiebreaker before the id.
  org: ["text", "uuid", "text"],
  role: ["text", "text"],
  location: ["text", "text"],
  status: ["int", "timestamptz", "text"],
  lastLogin: ["timestamptz", "text"],
  registered: ["timestamptz", "text"],
  devices: ["int", "text"],
};

export const encodeUserCursor = (cursor: UserCursor): string => encodeCursor(cursor);

/**
 * A cursor from the URL; anything malformed means "first page", not an error. Every value must
 * be one Postgres accepts for its cast: a forged cursor reaching the database as an invalid
 * uuid, date or NUL byte would be a 500, not a first page.
 */
export function decodeUserCursor(raw: string, key: UserSortKey): UserCursor | null {
  const value = decodeCursor(raw);
  if (!value || typeof value !== "object") return null;
  const { v, id, at } = value as { v?: unknown; id?: unknown; at?: unknown };
  if (!Array.isArray(v) || v.length !== CASTS[key].length || !v.every((x) => typeof x === "string" && x.length <= 300)) return null;
  if (typeof id !== "string" || !isUuid(id)) return null;
  if (typeof at !== "number" || !Number.isSafeInteger(at) || at < 0) return null;
  if (CASTS[key].some((cast, i) => !validValue(cast, v[i] as string))) return null;
  return { v: v as string[], id, at };
}

function validValue(cast: string, value: string): boolean {
  if (cast === "int") return /^-?\d{1,9}$/.test(value);
  if (cast === "uuid") return isUuid(value);
  if (cast === "timestamptz") return value === "-infinity" || isTimestamp(value);
  return !value.includes("\u0000");
}

// What keyText() writes: ISO from a Date, or Postgres' own text form where a driver returns one
// ("2026-11-18 21:04:54.796+00"; an old local-mean-time offset has seconds: -00:44:30).
// Date.parse alone would take "1" or "March 7", and Postgres refuses February 30th.
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?(Z|[+-]\d{2}(:?\d{2}){0,2})$/;

function isTimestamp(value: string): boolean {
  const m = TIMESTAMP.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && hour < 24 && minute < 60 && second < 60;
}

const CAST_SQL: Record<string, SQL> = { int: sql`int`, timestamptz: sql`timestamptz`, uuid: sql`uuid`, text: sql`text` };

/** A cursor value as a parameter cast to its expression's type. */
export const castValue = (value: string, cast: string): SQL => (cast === "int" ? sql`${Number(value)}::int` : sql`${value}::${CAST_SQL[cast]!}`);

/** A sort expression's value, as a row returned it, in the text a cursor carries. */
export function keyText(value: unknown): string {
  if (value instanceof Date) return Number.isFinite(value.getTime()) ? value.toISOString() : "-infinity";
  if (typeof value === "number" && !Number.isFinite(value)) return "-infinity";
  return String(value);
}
