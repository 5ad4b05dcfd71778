// Dates as the users table shows them (product.md §6): "1:12 PM Jan 29", the year only when it
// is not this year, "Today 6:00 PM" for today; always in the viewer's time zone.

// Building an Intl.DateTimeFormat costs far more than using one (it was a fifth of the users
// page's server CPU when built per cell), so each time zone's formatter is built once.
const formatters = new Map<string, Intl.DateTimeFormat>();

function cachedFormatter(kind: "parts" | "full", timeZone: string): Intl.DateTimeFormat {
  const key = `${kind}|${timeZone}`;
  let fmt = formatters.get(key);
  if (!fmt) {
    fmt =
      kind === "parts"
        ? new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit" })
        : new Intl.DateTimeFormat("en-US", { timeZone, dateStyle: "medium", timeStyle: "short" });
    formatters.set(key, fmt);
  }
  return fmt;
}

type Parts = { year: string; month: string; day: string; time: string };

// A page formats every row's dates against the same "now": its parts are worked out once.
let nowParts: { key: string; parts: Parts } | null = null;

function partsOfNow(now: Date, timeZone: string): Parts {
  const key = `${timeZone}|${now.getTime()}`;
  if (nowParts?.key !== key) nowParts = { key, parts: parts(now, timeZone) };
  return nowParts.parts;
}

function parts(date: Date, timeZone: string): Parts {
  const p = Object.fromEntries(cachedFormatter("parts", timeZone).formatToParts(date).map((x) => [x.type, x.value]));
  return { year: p.year!, month: p.month!, day: p.day!, time: `${p.hour}:${p.minute} ${p.dayPeriod}` };
}

export function formatLastLogin(date: Date | null, now: Date, timeZone: string): string {
  if (!date) return "Never";
  const d = parts(date, timeZone);
  const n = partsOfNow(now, timeZone);
  if (d.year === n.year && d.month === n.month && d.day === n.day) return `Today ${d.time}`;
  return d.year === n.year ? `${d.time} ${d.month} ${d.day}` : `${d.time} ${d.month} ${d.day}, ${d.year}`;
}

export function formatDate(date: Date, now: Date, timeZone: string): string {
  const d = parts(date, timeZone);
  const n = partsOfNow(now, timeZone);
  return d.year === n.year ? `${d.month} ${d.day}` : `${d.month} ${d.day}, ${d.year}`;
}

/** A full date and time, "Nov 30, 2026, 9:41 PM", for lists of sessions and the like. */
export function formatDateTime(date: Date, timeZone: string): string {
  return cachedFormatter("full", timeZone).format(date);
}
