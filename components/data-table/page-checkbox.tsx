"use client";

import { useEffect, useRef } from "react";
import type { PageSelection } from "./use-row-selection";

/** The header's "select all on this page" box: ticked, unticked, or a dash for part of the page. */
export function PageCheckbox({ state, onToggle, disabled }: { state: PageSelection; onToggle: () => void; disabled?: boolean }) {
  const box = useRef<HTMLInputElement>(null);
  // `indeterminate` exists only as a DOM property, not as an attribute React could render.
  useEffect(() => {
    if (box.current) box.current.indeterminate = state === "some";
  }, [state]);
  return (
    <span className="flex h-8 w-8 items-center justify-center">
      <input
        ref={box}
        type="checkbox"
        aria-label="Select all on this page"
        checked={state === "all"}
        aria-checked={state === "some" ? "mixed" : state === "all"}
        disabled={disabled}
        onChange={onToggle}
        className="h-4 w-4 cursor-pointer accent-brand-600 disabled:cursor-default"
      />
    </span>
  );
}
