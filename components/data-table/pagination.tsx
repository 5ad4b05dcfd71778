"use client";

import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { PAGE_SIZES, type PageSize } from "@/lib/table/paging";

type Props = {
  /** What is shown, e.g. "Showing 50 of 1,234 users"; announced when it changes. */
  summary: ReactNode;
  /** The rows-per-page choice, when the list offers one. */
  size?: { value: number; onChange: (size: PageSize) => void };
  /** null: no page that way. */
  onPrev: (() => void) | null;
  onNext: (() => void) | null;
  /** While a page loads, neither button asks for another. */
  pending: boolean;
};

/** Previous / next (by cursor or by page number) under a list, with its summary. */
export function Pagination({ summary, size, onPrev, onNext, pending }: Props) {
  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600">
      <p aria-live="polite">{summary}</p>
      <div className="flex items-center gap-2">
        {size ? (
          <>
            <label htmlFor="page-size" className="text-slate-500">
              Rows per page
            </label>
            <select id="page-size" value={size.value} onChange={(e) => size.onChange(Number(e.target.value) as PageSize)} className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm">
              {PAGE_SIZES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </>
        ) : null}
        <Button variant="secondary" size="sm" disabled={!onPrev || pending} onClick={onPrev ?? undefined}>
          ← Previous
        </Button>
        <Button variant="secondary" size="sm" disabled={!onNext || pending} onClick={onNext ?? undefined}>
          Next →
        </Button>
      </div>
    </nav>
  );
}
