"use client";

import { useState } from "react";

/**
 * The rows ticked in a list, or "all matching" its filters. A selection belongs to the filters
 * it was made under (`view`): other filters show other rows, and acting on rows no longer shown
 * would surprise; sorting and paging keep it.
 */
export function useRowSelection(view: string) {
  const [selected, setSelected] = useState<Record<string, boolean>>({});
  const [allMatching, setAllMatching] = useState(false);
  const [selectedIn, setSelectedIn] = useState(view);
  if (selectedIn !== view) {
    setSelectedIn(view);
    setSelected({});
    setAllMatching(false);
  }
  return {
    selected,
    ids: Object.keys(selected).filter((id) => selected[id]),
    allMatching,
    toggle: (id: string) => {
      setAllMatching(false);
      setSelected((s) => ({ ...s, [id]: !s[id] }));
    },
    selectAllMatching: () => setAllMatching(true),
    clear: () => {
      setSelected({});
      setAllMatching(false);
    },
  };
}
