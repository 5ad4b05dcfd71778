"use client";

import { useState } from "react";

/** How much of the page on screen is selected: what the header's checkbox shows. */
export type PageSelection = "none" | "some" | "all";

/**
 * The rows ticked in a list, or "all matching" its filters. A selection belongs to the filters
 * it was made under (`view`): other filters show other rows, and acting on rows no longer shown
 * would surprise; sorting and paging keep it. In "all matching" every row on screen shows as
 * selected; unticking one of them leaves the rest of the page ticked.
 */
export function useRowSelection(view: string, pageIds: readonly string[]) {
  const [ticked, setTicked] = useState<Record<string, boolean>>({});
  const [allMatching, setAllMatching] = useState(false);
  const [selectedIn, setSelectedIn] = useState(view);
  if (selectedIn !== view) {
    setSelectedIn(view);
    setTicked({});
    setAllMatching(false);
  }
  const selected = allMatching ? Object.fromEntries(pageIds.map((id) => [id, true])) : ticked;
  const onPage = pageIds.filter((id) => selected[id]).length;
  const page: PageSelection = onPage === 0 ? "none" : onPage === pageIds.length ? "all" : "some";
  const clear = () => {
    setTicked({});
    setAllMatching(false);
  };
  const setPage = (to: boolean) => {
    setAllMatching(false);
    setTicked({ ...selected, ...Object.fromEntries(pageIds.map((id) => [id, to])) });
  };
  return {
    /** What the rows on screen show (every one of them in "all matching"). */
    selected,
    ids: Object.keys(ticked).filter((id) => ticked[id]),
    allMatching,
    page,
    toggle: (id: string) => {
      setAllMatching(false);
      setTicked({ ...selected, [id]: !selected[id] });
    },
    /** The header's checkbox: a page partly or not selected becomes selected; a selected one, not. */
    togglePage: () => (allMatching ? clear() : setPage(page !== "all")),
    selectAllMatching: () => setAllMatching(true),
    clear,
  };
}
