// An org's head counts, named the same on every page: its "members" are the people whose org it
// is (what the switcher and the overview count); "incl. sub-orgs" adds everyone below it (what
// the organizations table totals). The two once sat under the same unlabelled "users".

/** "1 member", "12 members": a count with its noun agreeing. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en")} ${n === 1 ? one : many}`;
}

/** The heading of an org's own head count (overview stat, table column). */
export const MEMBERS_LABEL = "Members";

/** An org's own people: "1 member". */
export const membersText = (n: number) => plural(n, "member");

/** A figure that adds everything below the org: "14 incl. sub-orgs". */
export const inclSubOrgsText = (n: number) => `${n.toLocaleString("en")} incl. sub-orgs`;

type Counted = { id: string; path: string; users: number; devices: number };

/** Each org's own users and devices summed with those of every org below it (the org's path names its ancestors). */
export function withSubOrgTotals(nodes: readonly Counted[]): Map<string, { users: number; devices: number }> {
  const totals = new Map(nodes.map((n) => [n.id, { users: 0, devices: 0 }]));
  for (const n of nodes) {
    for (const ancestor of n.path.split("/").filter(Boolean)) {
      const t = totals.get(ancestor);
      if (t) {
        t.users += n.users;
        t.devices += n.devices;
      }
    }
  }
  return totals;
}
