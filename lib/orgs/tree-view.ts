// Which rows of an org tree are on screen when some branches are folded. The rows come in
// depth-first order with their depth (lib/orgs/tree.ts), so a row has children exactly when
// the next row is deeper, and a folded row hides every following row deeper than itself.
// What is kept is the folded set, not the open one, so a branch that appears (a new
// sub-organization's parent) shows open.

/** Trees up to this size open fully; larger ones show the top org and the level below it. */
export const OPEN_ALL_UP_TO = 100;

type TreeRow = { id: string; depth: number };

/** The ids of rows that have at least one row below them. */
export function parentIds(rows: readonly TreeRow[]): Set<string> {
  const out = new Set<string>();
  rows.forEach((row, i) => {
    const next = rows[i + 1];
    if (next && next.depth > row.depth) out.add(row.id);
  });
  return out;
}

/** The branches folded when the page loads: none of a small tree, all below the top of a large one. */
export function initiallyFolded(rows: readonly TreeRow[]): Set<string> {
  if (rows.length <= OPEN_ALL_UP_TO) return new Set();
  const top = Math.min(...rows.map((r) => r.depth));
  const parents = parentIds(rows);
  return new Set(rows.filter((r) => r.depth > top && parents.has(r.id)).map((r) => r.id));
}

/** The rows shown: every row with no folded ancestor. */
export function visibleRows<T extends TreeRow>(rows: readonly T[], folded: ReadonlySet<string>): T[] {
  const out: T[] = [];
  let foldedAt: number | null = null;
  for (const row of rows) {
    if (foldedAt !== null && row.depth > foldedAt) continue;
    foldedAt = null;
    out.push(row);
    if (folded.has(row.id)) foldedAt = row.depth;
  }
  return out;
}
