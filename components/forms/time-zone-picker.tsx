"use client";

import * as Popover from "@radix-ui/react-popover";
import { useId, useMemo, useRef, useState } from "react";
import { ChevronDown } from "@/components/ui/chevron-down";
import { matchTimeZones, offsetLabel, readableZone as readable, type TimeZoneOption } from "@/lib/orgs/time-zones";

type Props = {
  id: string;
  /** The field's label: the button's name says it with the zone chosen. */
  label: string;
  value: string;
  onChange: (zone: string) => void;
  /** The zones with their current offsets, from the server, whose Intl decides what is valid. */
  options: TimeZoneOption[];
  invalid?: boolean;
  describedBy?: string;
  disabled?: boolean;
};

/**
 * A time zone from the IANA list: a button showing the zone and its offset opens a searchable
 * list (type a city, a region or "+09"; arrows to move, Enter to choose, Escape to close).
 */
export function TimeZonePicker({ id, label, value, onChange, options, invalid, describedBy, disabled }: Props) {
  const listId = useId();
  const listRef = useRef<HTMLUListElement>(null);
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);

  const shown = useMemo(() => matchTimeZones(options, query), [options, query]);
  const current = options.find((o) => o.id === value);

  function onOpenChange(next: boolean) {
    setOpen(next);
    if (!next) return;
    setQuery("");
    const index = Math.max(0, options.findIndex((o) => o.id === value));
    setActive(index);
    // Once the list is drawn: the chosen zone in view, not the top of the alphabet.
    requestAnimationFrame(() => listRef.current?.children[index]?.scrollIntoView({ block: "center" }));
  }

  function move(index: number) {
    const next = Math.min(Math.max(index, 0), shown.length - 1);
    setActive(next);
    listRef.current?.children[next]?.scrollIntoView({ block: "nearest" });
  }

  function choose(option: TimeZoneOption | undefined) {
    if (!option) return;
    onChange(option.id);
    setOpen(false);
  }

  return (
    <Popover.Root open={open} onOpenChange={onOpenChange}>
      <Popover.Trigger
        id={id}
        disabled={disabled}
        aria-label={current ? `${label}: ${readable(value)}, ${offsetLabel(current.offset)}` : label}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        className="mt-1 flex w-full items-center justify-between gap-3 rounded-md border border-slate-300 bg-white px-3 py-2 text-left text-sm shadow-xs focus:border-brand-500 disabled:cursor-not-allowed disabled:opacity-60 aria-[invalid=true]:border-red-500 data-[state=open]:border-brand-500"
      >
        <span className="min-w-0 truncate text-slate-900">{value ? readable(value) : "Choose a time zone"}</span>
        <span className="flex shrink-0 items-center gap-2 text-slate-500">
          {current ? <span className="tabular-nums">{offsetLabel(current.offset)}</span> : null}
          <ChevronDown className="h-4 w-4 text-slate-400" />
        </span>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          aria-label={label}
          align="start"
          sideOffset={4}
          className="z-50 w-[var(--radix-popover-trigger-width)] min-w-72 max-w-[calc(100vw-2rem)] rounded-lg border border-slate-200 bg-white p-2 shadow-lg"
        >
          <input
            autoFocus
            role="combobox"
            aria-label="Search time zones"
            aria-expanded
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={shown[active] ? `${listId}-${active}` : undefined}
            value={query}
            placeholder="Search a city, region or offset"
            onChange={(e) => {
              setQuery(e.target.value);
              setActive(0);
              listRef.current?.scrollTo({ top: 0 });
            }}
            onKeyDown={(e) => {
              if (e.key === "ArrowDown") move(active + 1);
              else if (e.key === "ArrowUp") move(active - 1);
              else if (e.key === "PageDown") move(active + 8);
              else if (e.key === "PageUp") move(active - 8);
              else if (e.key === "Enter") choose(shown[active]);
              else return;
              e.preventDefault();
            }}
            className="block w-full rounded-md border border-slate-300 px-2.5 py-1.5 text-sm"
          />
          <ul ref={listRef} id={listId} role="listbox" aria-label="Time zones" className="mt-2 max-h-72 overflow-y-auto">
            {shown.length === 0 ? (
              <li role="presentation" className="px-2.5 py-2 text-sm text-slate-500">
                No time zone matches “{query}”.
              </li>
            ) : null}
            {shown.map((o, i) => (
              <li
                key={o.id}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={o.id === value}
                onMouseMove={() => setActive(i)}
                onClick={() => choose(o)}
                className={`flex cursor-pointer items-center justify-between gap-3 rounded-md px-2.5 py-1.5 text-sm ${i === active ? "bg-slate-100" : ""}`}
              >
                <span className={`min-w-0 truncate ${o.id === value ? "font-semibold text-brand-700" : "text-slate-900"}`}>{readable(o.id)}</span>
                <span className="shrink-0 text-xs tabular-nums text-slate-600">{offsetLabel(o.offset)}</span>
              </li>
            ))}
          </ul>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
