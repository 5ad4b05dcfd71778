// One definition per list gives its URL loader, its serializer and its filter schema together,
// so the page, the CSV export and the client read and write the same names.
import { createLoader, createSerializer, type inferParserType, type ParserMap } from "nuqs/server";
import type { z } from "zod";

type Spec<P extends ParserMap, S extends z.ZodType> = {
  /** The URL's keys: filters, sort and paging, each with its parser. */
  url: P;
  /** The filters as the data layer (and a bulk action's "all matching") takes them. */
  filters: S;
  /** The URL's filter keys as the schema's input. */
  toFilters: (url: inferParserType<P>) => z.input<S>;
  /** The filters as URL keys, the inverse of toFilters. */
  toUrl: (filters: z.output<S>) => Partial<inferParserType<P>>;
};


export function defineList<P extends ParserMap, S extends z.ZodType>(spec: Spec<P, S>) {
  const load = createLoader(spec.url);
  const serialize = createSerializer(spec.url);
  return {
    url: spec.url,
    filtersSchema: spec.filters,
    /** A URL's state (defaults for anything missing or malformed) and the filters it means. */
    read(search: URLSearchParams | Record<string, string | string[] | undefined>) {
      const url = load(search);
      // The parsers already clean input; should a value still not fit, the list shows its defaults.
      const asked = spec.filters.safeParse(spec.toFilters(url));
      const filters = asked.success ? asked.data : spec.filters.parse(spec.toFilters(load({})));
      return { url, filters: filters as z.output<S> };
    },
    /** The link to `path` that shows these filters (and any other URL keys given). */
    href(path: string, filters: z.output<S>, extra: Partial<inferParserType<P>> = {}): string {
      return serialize(path, { ...spec.toUrl(filters), ...extra } as Parameters<typeof serialize>[1]);
    },
  };
}
