// "5 minutes ago", "yesterday": how long since a moment, for lists where the exact time sits in a title.
const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ["year", 365 * 86_400_000],
  ["month", 30 * 86_400_000],
  ["week", 7 * 86_400_000],
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

export function formatRelative(date: Date, now: Date): string {
  const ago = now.getTime() - date.getTime();
  // Under a minute (and a clock a little ahead) is simply now.
  if (ago < 60_000) return "just now";
  const [unit, size] = UNITS.find(([, ms]) => ago >= ms)!;
  return relative.format(-Math.floor(ago / size), unit);
}
