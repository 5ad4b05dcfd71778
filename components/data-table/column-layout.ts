"use client";

import { useMemo, useSyncExternalStore } from "react";

/** Tailwind's breakpoints: a column shown from one of them, or only when the person asks for it. */
const BREAKPOINTS = { sm: "40rem", md: "48rem", lg: "64rem", xl: "80rem", "2xl": "96rem" } as const;
export type ShowFrom = keyof typeof BREAKPOINTS | "never";

// Spelled out so Tailwind finds them: a column's cells below its breakpoint, and its line in a
// row's details, shown exactly where the column is not.
const CELL_CLASS: Record<ShowFrom, string> = { sm: "max-sm:hidden", md: "max-md:hidden", lg: "max-lg:hidden", xl: "max-xl:hidden", "2xl": "max-2xl:hidden", never: "hidden" };
const DETAIL_CLASS: Record<ShowFrom, string> = { sm: "sm:hidden", md: "md:hidden", lg: "lg:hidden", xl: "xl:hidden", "2xl": "2xl:hidden", never: "" };
const ORDER: ShowFrom[] = ["sm", "md", "lg", "xl", "2xl", "never"];

/** The person's own choices, column id → shown; a column without one follows its default for the width. */
export type ColumnChoices = Record<string, boolean>;

/** Where a column's cells hide: CSS for the default (no flash before hydration), nothing once chosen. */
export const cellClass = (showFrom: ShowFrom | undefined, choice: boolean | undefined) => (choice === undefined && showFrom ? CELL_CLASS[showFrom] : "");

/** Where a column's line in the details shows: wherever its cells do not; null where never. */
export function detailClass(showFrom: ShowFrom | undefined, choice: boolean | undefined): string | null {
  if (choice === false) return "";
  if (choice === true || !showFrom) return null;
  return DETAIL_CLASS[showFrom];
}

/** The details toggle shows wherever any line does: null when no column is ever hidden. */
export function toggleClass(lines: (string | null)[]): string | null {
  const shown = lines.filter((c): c is string => c !== null);
  if (shown.length === 0) return null;
  if (shown.includes("")) return "";
  const widest = ORDER.filter((bp) => shown.includes(DETAIL_CLASS[bp])).at(-1)!;
  return DETAIL_CLASS[widest];
}

/** Whether a column without a choice shows at the window's current width (client only). */
export const shownByDefault = (showFrom: ShowFrom | undefined) =>
  !showFrom || (showFrom !== "never" && window.matchMedia(`(min-width: ${BREAKPOINTS[showFrom]})`).matches);

const listeners = new Set<() => void>();
function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener("storage", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null; // storage blocked: the defaults it is
  }
}

function parse(raw: string | null): ColumnChoices {
  try {
    const value: unknown = raw ? JSON.parse(raw) : {};
    if (!value || typeof value !== "object") return {};
    return Object.fromEntries(Object.entries(value).filter((e): e is [string, boolean] => typeof e[1] === "boolean"));
  } catch {
    return {};
  }
}

/** A table's column choices, remembered in this browser (localStorage) under `table`. */
export function useColumnChoices(table: string) {
  const key = `roster.columns.${table}`;
  // The server renders the defaults; a stored choice applies once hydrated.
  const raw = useSyncExternalStore(subscribe, () => read(key), () => null);
  const choices = useMemo(() => parse(raw), [raw]);
  const save = (next: ColumnChoices | null) => {
    try {
      if (next) window.localStorage.setItem(key, JSON.stringify(next));
      else window.localStorage.removeItem(key);
    } catch {
      // storage blocked: the defaults stay
    }
    listeners.forEach((l) => l());
  };
  return { choices, choose: (id: string, shown: boolean) => save({ ...choices, [id]: shown }), reset: () => save(null) };
}
