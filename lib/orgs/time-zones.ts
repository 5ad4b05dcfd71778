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
