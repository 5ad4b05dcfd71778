"use client";

import { useEffect, useState } from "react";
import { Field, inputClass } from "@/components/ui/field";
import type { OwnerOption } from "@/lib/devices/owners";
import { searchOwnersAction } from "../actions";

type Props = {
  /** The org the page shows, and the org whose people are offered. */
  orgId: string;
  inOrgId: string;
  id: string;
  label: string;
  /** The empty choice: "Choose a person", "No owner yet". */
  placeholder: string;
  value: string;
  onChange: (ownerId: string, owner: OwnerOption | null) => void;
  /** People who may not be chosen (the current owner). */
  exclude?: string;
  /** Offer people who never logged in as disabled choices. */
  loggedInOnly?: boolean;
  error?: string;
};

/**
 * A person of one org, found by name or email on the server as you type (an org can have
 * thousands of people), chosen from a native select.
 */
export function OwnerPicker({ orgId, inOrgId, id, label, placeholder, value, onChange, exclude, loggedInOnly, error }: Props) {
  const [query, setQuery] = useState("");
  const [found, setFound] = useState<{ for: string; owners: OwnerOption[]; more: boolean } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  // The person chosen stays a choice while the search moves on to others.
  const [picked, setPicked] = useState<OwnerOption | null>(null);
  const key = `${inOrgId}\n${query.trim()}`;

  useEffect(() => {
    let current = true;
    const timer = setTimeout(
      async () => {
        const result = await searchOwnersAction({ orgId, inOrgId, q: query.trim() });
        if (!current) return;
        if (result.ok) setFound({ for: key, ...result.data });
        setFailure(result.ok ? null : result.message);
      },
      query ? 250 : 0,
    );
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [orgId, inOrgId, query, key]);

  const results = (found?.owners ?? []).filter((o) => o.id !== exclude);
  const owners = picked && picked.id === value && !results.some((o) => o.id === picked.id) ? [picked, ...results] : results;
  const loading = found?.for !== key && !failure;
  const hint = failure
    ? failure
    : loading
      ? "Searching…"
      : found?.more
        ? `The first ${found.owners.length} matches; type more of a name or email to narrow them.`
        : results.length === 0
          ? query.trim()
            ? "Nobody here matches."
            : "Nobody here can own a device yet."
          : loggedInOnly
            ? "Only people who have logged in at least once can own a device."
            : null;

  return (
    <div className="space-y-2">
      <Field id={`${id}-search`} label={`Find ${label.toLowerCase().replace(/ \(optional\)$/, "")}`}>
        <input
          id={`${id}-search`}
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder="Name or email"
          maxLength={100}
          autoComplete="off"
          className={inputClass}
        />
      </Field>
      <Field id={id} label={label} error={error} hint={<span aria-live="polite">{hint}</span>}>
        <select
          id={id}
          value={value}
          onChange={(e) => {
            const owner = owners.find((o) => o.id === e.target.value) ?? null;
            setPicked(owner);
            onChange(e.target.value, owner);
          }}
          aria-describedby={error ? `${id}-error` : `${id}-hint`}
          aria-invalid={error ? true : undefined}
          className={inputClass}
        >
          <option value="">{placeholder}</option>
          {owners.map((o) => (
            <option key={o.id} value={o.id} disabled={loggedInOnly && !o.hasLoggedIn}>
              {o.name} ({o.email}){loggedInOnly && !o.hasLoggedIn ? " · never logged in" : ""}
            </option>
          ))}
        </select>
      </Field>
    </div>
  );
}
