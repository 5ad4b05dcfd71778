"use client";

import { useQueryStates, type inferParserType, type ParserMap } from "nuqs";
import { useSyncExternalStore, useTransition } from "react";

type SortDir = "asc" | "desc";

/**
 * A server-driven list's state in the URL (a list definition's parsers, lib/table/). Every change
 * re-renders the page on the server (shallow: false), inside one transition, so the table can
 * fade while it loads; any change but paging itself goes back to the first page.
 */
export function useDataTable<P extends ParserMap>(parsers: P, paging: readonly (keyof P & string)[]) {
  const [pending, startTransition] = useTransition();
  const [state, setState] = useQueryStates(parsers, { shallow: false, startTransition, history: "push" });
  type Patch = Partial<{ [K in keyof inferParserType<P>]: inferParserType<P>[K] | null }>;
  const firstPage = Object.fromEntries(paging.map((key) => [key, null])) as Patch;
  /** Changes what is shown: filters, sort or size, from the first page. */
  const update = (patch: Patch) => void setState({ ...patch, ...firstPage } as Parameters<typeof setState>[0]);
  /** Moves to another page of the same view. */
  const goTo = (patch: Patch) => void setState(patch as Parameters<typeof setState>[0]);
  /** A click on a sort header: the other direction on the same column, else `first` on the new one. */
  const sortBy = (key: string, first: SortDir) => {
    const current = state as { sort?: string; dir?: SortDir };
    update({ sort: key, dir: current.sort === key ? (current.dir === "asc" ? "desc" : "asc") : first } as unknown as Patch);
  };
  // True once hydrated (false in the server render): end-to-end tests wait for it before clicking.
  const hydrated = useSyncExternalStore(noSubscribe, () => true, () => false);
  return { state, update, goTo, sortBy, pending, hydrated };
}

const noSubscribe = () => () => {};
