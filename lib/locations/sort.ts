// The locations list's sort keys: shared by the URL parser, the table and the query.
export const LOCATION_SORT_KEYS = ["name", "address", "devices", "people"] as const;
export type LocationSortKey = (typeof LOCATION_SORT_KEYS)[number];
