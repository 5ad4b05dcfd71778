"use client";

import { useEffect, useState } from "react";
import { SEARCH_MAX } from "@/lib/table/parsers";

const SEARCH_DEBOUNCE_MS = 300;

type Props = {
  id: string;
  /** Read by screen readers; the placeholder says it to everyone else. */
  label: string;
  placeholder: string;
  /** The search the URL holds now. */
  value: string;
  onSearch: (q: string) => void;
  /** A magnifier inside the box. */
  icon?: boolean;
};

/** A list's search box: sends its text once typing pauses, and follows the URL when it changes from elsewhere. */
export function SearchBox({ id, label, placeholder, value, onSearch, icon = false }: Props) {
  const [search, setSearch] = useState(value);
  // The box follows the URL's search when it changes from elsewhere (Back, Forward, Reset): the
  // search it sent itself already matches, so typing is never overwritten. Compared with the
  // URL, not with what the server last applied, so a search is sent once and Back stays back.
  const [urlSearch, setUrlSearch] = useState(value);
  if (urlSearch !== value) {
    setUrlSearch(value);
    if (value !== search.trim()) setSearch(value);
  }

  // Debounced: the server runs one query when typing pauses, not one per key.
  useEffect(() => {
    const q = search.trim();
    if (q === value) return;
    const timer = setTimeout(() => onSearch(q), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [search, value, onSearch]);

  const input = (
    <input
      id={id}
      type="search"
      value={search}
      onChange={(e) => setSearch(e.target.value)}
      placeholder={placeholder}
      maxLength={SEARCH_MAX}
      className={icon ? "block w-full rounded-md border border-slate-300 py-1.5 pl-8 pr-3 text-sm shadow-xs focus:border-brand-500" : "min-w-56 flex-1 rounded-md border border-slate-300 px-3 py-1.5 text-sm shadow-xs sm:max-w-xs"}
    />
  );
  const labelled = (
    <label htmlFor={id} className="sr-only">
      {label}
    </label>
  );
  if (!icon) {
    return (
      <>
        {labelled}
        {input}
      </>
    );
  }
  return (
    <div className="relative min-w-56 flex-1 sm:max-w-xs">
      {labelled}
      <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="pointer-events-none absolute left-2.5 top-2.5 h-4 w-4 text-slate-400">
        <path d="M9 3.5a5.5 5.5 0 1 0 3.4 9.83l3.14 3.13a.75.75 0 1 0 1.06-1.06l-3.13-3.14A5.5 5.5 0 0 0 9 3.5ZM5 9a4 4 0 1 1 8 0 4 4 0 0 1-8 0Z" />
      </svg>
      {input}
    </div>
  );
}
