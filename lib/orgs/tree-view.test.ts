import { describe, expect, it } from "vitest";
import { initiallyFolded, OPEN_ALL_UP_TO, parentIds, visibleRows } from "./tree-view";

// root
//   a
//     a1
//       a1x
//     a2
//   b
//   c
//     c1
const tree = [
  { id: "root", depth: 1 },
  { id: "a", depth: 2 },
  { id: "a1", depth: 3 },
  { id: "a1x", depth: 4 },
  { id: "a2", depth: 3 },
  { id: "b", depth: 2 },
  { id: "c", depth: 2 },
  { id: "c1", depth: 3 },
];
const ids = (rows: Array<{ id: string }>) => rows.map((r) => r.id);

describe("org tree folding", () => {
  it("knows which rows have children", () => {
    expect([...parentIds(tree)].sort()).toEqual(["a", "a1", "c", "root"]);
    expect(parentIds([])).toEqual(new Set());
  });

  it("shows a row only when no ancestor is folded", () => {
    expect(ids(visibleRows(tree, new Set()))).toEqual(ids(tree));
    expect(ids(visibleRows(tree, new Set(["root"])))).toEqual(["root"]);
    expect(ids(visibleRows(tree, new Set(["a", "c"])))).toEqual(["root", "a", "b", "c"]);
    expect(ids(visibleRows(tree, new Set(["a1", "c"])))).toEqual(["root", "a", "a1", "a2", "b", "c"]);
    // A branch folded under a folded one stays folded when its parent opens.
    expect(ids(visibleRows(tree, new Set(["a", "a1"])))).toEqual(["root", "a", "b", "c", "c1"]);
    // Folding a leaf hides nothing.
    expect(ids(visibleRows(tree, new Set(["b"])))).toEqual(ids(tree));
  });

  it("a subtree's rows start below the tenant's root", () => {
    const sub = tree.slice(1, 5);
    expect(ids(visibleRows(sub, new Set(["a1"])))).toEqual(["a", "a1", "a2"]);
  });

  it("opens a small tree fully and a large one at the level below its top", () => {
    expect(initiallyFolded(tree)).toEqual(new Set());
    const large = [{ id: "top", depth: 2 }];
    for (let i = 0; i < OPEN_ALL_UP_TO; i++) large.push({ id: `r${i}`, depth: 3 }, { id: `r${i}-s`, depth: 4 });
    expect(initiallyFolded(large).size).toBe(OPEN_ALL_UP_TO);
    expect(initiallyFolded(large).has("top")).toBe(false);
    expect(ids(visibleRows(large, initiallyFolded(large)))).toEqual(["top", ...Array.from({ length: OPEN_ALL_UP_TO }, (_, i) => `r${i}`)]);
  });
});
