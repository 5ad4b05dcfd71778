/** A count as the users table shows it: "10,000+" when counting stopped at its cap. */
export function countLabel(n: number, capped = false): string {
  return capped ? `${n.toLocaleString("en")}+` : n.toLocaleString("en");
}

/** "1 user", "12 users", "10,000+ users". */
export function usersCount(n: number, capped = false): string {
  return `${countLabel(n, capped)} ${n === 1 && !capped ? "user" : "users"}`;
}

/** Which rows a page shows: "26–50 of 80 users"; "0 of 80 users" for a page past the end. */
export function usersRange(start: number, shown: number, total: number, capped = false): string {
  const of = usersCount(total, capped);
  return shown === 0 ? `0 of ${of}` : `${(start + 1).toLocaleString("en")}–${(start + shown).toLocaleString("en")} of ${of}`;
}
