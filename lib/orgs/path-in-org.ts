/** The same page under another org: /o/<a>/users/… becomes /o/<b>/users (ids below don't carry over). */
export function pathInOrg(pathname: string, orgId: string): string {
  const match = /^\/o\/[^/]+(\/[^/]+)?/.exec(pathname);
  return `/o/${orgId}${match?.[1] ?? ""}`;
}
