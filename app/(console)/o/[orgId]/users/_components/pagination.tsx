"use client";

import { Button } from "@/components/ui/button";
import { usersCount } from "@/lib/format/count";
import { PAGE_SIZES } from "@/lib/table/paging";
import { useUsersUrl } from "./use-users-url";

type Props = { shown: number; total: number; capped: boolean; next: string | null; prev: string | null; size: number };

/** Keyset paging: previous / next by cursor, so page 2,000 costs what page 1 costs. */
export function Pagination({ shown, total, capped, next, prev, size }: Props) {
  const { setState, update, pending } = useUsersUrl();
  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600">
      <p aria-live="polite">
        Showing {shown.toLocaleString("en")} of {usersCount(total, capped)}
      </p>
      <div className="flex items-center gap-2">
        <label htmlFor="page-size" className="text-slate-500">
          Rows per page
        </label>
        <select id="page-size" value={size} onChange={(e) => update({ size: Number(e.target.value) as (typeof PAGE_SIZES)[number] })} className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm">
          {PAGE_SIZES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <Button variant="secondary" size="sm" disabled={!prev || pending} onClick={() => setState({ before: prev, after: null })}>
          ← Previous
        </Button>
        <Button variant="secondary" size="sm" disabled={!next || pending} onClick={() => setState({ after: next, before: null })}>
          Next →
        </Button>
      </div>
    </nav>
  );
}
