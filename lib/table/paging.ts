// How much a list page shows and how far a count goes: the same for every list.

export const PAGE_SIZES = [25, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
export const DEFAULT_PAGE_SIZE: PageSize = 50;

/** The total is exact up to this, "10,000+" beyond: never an unbounded count on a request. */
export const COUNT_CAP = 10_000;
