// The IANA time zones an org may be set to (product.md §1): what this runtime's Intl knows,
// plus "UTC", which Intl.supportedValuesOf leaves out but every org starts with.
import { utcOffset } from "@/lib/format/iso-offset";

let known: Set<string> | null = null;
const knownZones = () => (known ??= new Set(["UTC", ...Intl.supportedValuesOf("timeZone")]));

/** Whether `zone` is an IANA zone: listed, or an alias Intl resolves to a listed one ("Asia/Kolkata"). */
export function isTimeZone(zone: string): boolean {
  if (knownZones().has(zone)) return true;
  try {
    return knownZones().has(new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone);
  } catch {
    return false;
  }
}

export type TimeZoneOption = { id: string; offset: string };

/** Every zone with its offset from UTC at `now`, by name; `current` is kept even when only an alias. */
export function timeZoneOptions(now: Date, current?: string): TimeZoneOption[] {
  const ids = [...knownZones()];
  if (current && !knownZones().has(current) && isTimeZone(current)) ids.push(current);
  return ids.sort((a, b) => a.localeCompare(b)).map((id) => ({ id, offset: utcOffset(now, id) }));
}

/** "America/Port_of_Spain" as people write it. */
export const readableZone = (zone: string) => zone.replaceAll("_", " ");

/** "UTC+09:00": how an offset is shown beside its zone. */
export const offsetLabel = (offset: string) => `UTC${offset}`;

// "+9", "UTC+09", "gmt -3:30": a search for an offset, not a name.
const OFFSET_QUERY = /^(?:utc|gmt)?\s*([+\-−])\s*(\d{1,2})(?::?(\d{2}))?$/i;

/** The picker's search: by offset when the query is one ("+9" finds +09:00 and +09:30), else every word in the zone's name. */
export function matchTimeZones(options: readonly TimeZoneOption[], query: string): TimeZoneOption[] {
  const q = query.trim().toLowerCase();
  const offset = OFFSET_QUERY.exec(q);
  if (offset) {
    const prefix = `${offset[1] === "+" ? "+" : "-"}${offset[2]!.padStart(2, "0")}${offset[3] ? `:${offset[3]}` : ""}`;
    return options.filter((o) => o.offset.startsWith(prefix));
  }
  const words = q.split(/\s+/).filter(Boolean);
  return options.filter((o) => {
    const name = `${o.id} ${readableZone(o.id)}`.toLowerCase();
    return words.every((w) => name.includes(w));
  });
}
