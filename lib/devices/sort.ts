export const DEVICE_SORT_KEYS = ["name", "owner", "org", "location", "created"] as const;
export type DeviceSortKey = (typeof DEVICE_SORT_KEYS)[number];
