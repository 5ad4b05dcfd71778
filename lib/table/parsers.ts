// URL parsers shared by the lists. Each cleans what a hand-edited URL may hold, so the loader's
// output is already valid filter input: an over-long or malformed value is cut or dropped, not
// an error.
import { createParser, parseAsArrayOf, parseAsNumberLiteral, parseAsStringLiteral, type SingleParserBuilder } from "nuqs/server";
import { DEFAULT_PAGE_SIZE, PAGE_SIZES } from "./paging";

/** The longest search text a list takes. */
export const SEARCH_MAX = 100;

/** A search text: at most SEARCH_MAX characters, without NUL bytes (Postgres text holds none). */
export const parseAsSearch = createParser({
  parse: (value) => value.replaceAll("\u0000", "").slice(0, SEARCH_MAX),
  serialize: String,
}).withDefault("");

/** A list of values each matching `pattern`, at most `max` of them; the others are dropped. */
export function parseAsListOf(pattern: RegExp, max: number) {
  const item = createParser({ parse: (value) => (pattern.test(value) ? value : null), serialize: String });
  const list = parseAsArrayOf(item);
  return createParser({ parse: (value) => list.parse(value)?.slice(0, max) ?? null, serialize: list.serialize, eq: list.eq }).withDefault([]);
}

/** A keyset cursor: opaque text, checked by the list that decodes it. */
export const parseAsCursor: SingleParserBuilder<string> = createParser({ parse: (value) => value, serialize: String });

export const parseAsSortDir = (first: "asc" | "desc") => parseAsStringLiteral(["asc", "desc"] as const).withDefault(first);

/** "org": the org shown; "reach": it and every org below it. */
export const LIST_SCOPES = ["org", "reach"] as const;
export const parseAsScope = parseAsStringLiteral(LIST_SCOPES).withDefault("org");

export const parseAsPageSize = parseAsNumberLiteral(PAGE_SIZES).withDefault(DEFAULT_PAGE_SIZE);
