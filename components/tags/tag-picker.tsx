"use client";

import { useId, useState, type KeyboardEvent } from "react";
import { inputClass } from "@/components/ui/field";
import { TagChip, type ChipTag } from "./tag-chip";

/** What the picker chose: one of the tags, or a new one by name. */
export type PickedTag = { id: string } | { name: string };

type Props = {
  id: string;
  label: string;
  /** The tags to choose from; null while they load. */
  tags: readonly ChipTag[] | null;
  value: PickedTag | null;
  onChange: (value: PickedTag | null) => void;
  /** Offer "Create “x”" for a name no tag has (the viewer may create tags). */
  canCreate?: boolean;
  /** Said when there is nothing to choose. */
  empty: string;
};

type Entry = { key: string; pick: PickedTag; tag: ChipTag | null; label: string };

/**
 * An accessible combobox (ARIA 1.2: an input that filters a listbox always shown below it):
 * type to search the tenant's tags, arrows to move, Enter to choose. A name no tag has becomes a
 * "Create “x”" entry when the viewer may create tags.
 */
export function TagPicker({ id, label, tags, value, onChange, canCreate = false, empty }: Props) {
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const listId = useId();
  const q = query.trim();
  const matches = (tags ?? []).filter((t) => t.name.toLowerCase().includes(q.toLowerCase()));
  const exact = (tags ?? []).some((t) => t.name.toLowerCase() === q.toLowerCase());
  const entries: Entry[] = [
    ...matches.map((t) => ({ key: t.id, pick: { id: t.id }, tag: t, label: t.name })),
    ...(canCreate && q && !exact && q.length <= 30 ? [{ key: "create", pick: { name: q }, tag: null, label: `Create “${q}”` }] : []),
  ];
  const current = Math.min(active, Math.max(0, entries.length - 1));
  const isChosen = (e: Entry) => !!value && ("id" in value && "id" in e.pick ? value.id === e.pick.id : "name" in value && "name" in e.pick && value.name === e.pick.name);

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (entries.length) setActive((current + (event.key === "ArrowDown" ? 1 : entries.length - 1)) % entries.length);
    } else if (event.key === "Enter" && entries[current] && !isChosen(entries[current])) {
      // Enter chooses; once chosen, Enter submits the dialog's form as usual.
      event.preventDefault();
      onChange(entries[current].pick);
    }
  }

  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input
        id={id}
        role="combobox"
        aria-expanded
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={entries[current] ? `${listId}-${entries[current].key}` : undefined}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        placeholder={canCreate ? "Search or create a tag" : "Search tags"}
        maxLength={30}
        autoComplete="off"
        className={inputClass}
      />
      <ul id={listId} role="listbox" aria-label={label} className="mt-2 max-h-56 overflow-y-auto rounded-md border border-slate-200 p-1">
        {tags === null ? <li className="px-2.5 py-2 text-sm text-slate-500">Loading tags…</li> : null}
        {tags !== null && entries.length === 0 ? <li className="px-2.5 py-2 text-sm text-slate-500">{q ? "No tag matches." : empty}</li> : null}
        {entries.map((e, i) => (
          <li
            key={e.key}
            id={`${listId}-${e.key}`}
            role="option"
            aria-selected={isChosen(e)}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => {
              setActive(i);
              onChange(e.pick);
            }}
            onMouseEnter={() => setActive(i)}
            className={`flex cursor-pointer items-center justify-between gap-2 rounded-md px-2.5 py-1.5 text-sm ${i === current ? "bg-slate-100" : ""}`}
          >
            {e.tag ? <TagChip tag={e.tag} /> : <span className="font-medium text-brand-700">{e.label}</span>}
            {isChosen(e) ? (
              <svg aria-hidden viewBox="0 0 20 20" className="h-4 w-4 text-brand-600" fill="currentColor">
                <path d="M16.7 5.3a1 1 0 0 1 0 1.4l-8 8a1 1 0 0 1-1.4 0l-4-4a1 1 0 1 1 1.4-1.4L8 12.6l7.3-7.3a1 1 0 0 1 1.4 0Z" />
              </svg>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
