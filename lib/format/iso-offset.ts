// ISO 8601 in a time zone, with its offset: "2026-12-07T09:15:00+01:00", for CSV exports, whose
// readers are spreadsheets and scripts (an offset keeps the instant exact; the zone is in the header).

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let fmt = formatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      timeZoneName: "longOffset",
    });
    formatters.set(timeZone, fmt);
  }
  return fmt;
}

const partsOf = (date: Date, timeZone: string) => Object.fromEntries(formatter(timeZone).formatToParts(date).map((x) => [x.type, x.value]));
// "GMT+01:00", or plain "GMT" at offset zero.
const offsetOf = (p: Record<string, string>) => (p.timeZoneName === "GMT" ? "+00:00" : p.timeZoneName!.replace("GMT", ""));

export function isoInTimeZone(date: Date, timeZone: string): string {
  const p = partsOf(date, timeZone);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${offsetOf(p)}`;
}

/** The zone's offset from UTC at `date`: "+09:00", "-03:30", "+00:00". */
export function utcOffset(date: Date, timeZone: string): string {
  return offsetOf(partsOf(date, timeZone));
}
