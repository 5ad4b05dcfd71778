/** A count as the users table shows it: "10,000+" when counting stopped at its cap. */
export function countLabel(n: number, capped = false): string {
  return capped ? `${n.toLocaleString("en")}+` : n.toLocaleString("en");
}

/** "1 user", "12 users", "10,000+ users". */
export function usersCount(n: number, capped = false): string {
  return `${countLabel(n, capped)} ${n === 1 && !capped ? "user" : "users"}`;
}
