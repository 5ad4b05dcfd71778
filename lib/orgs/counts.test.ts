import { describe, expect, it } from "vitest";
import { inclSubOrgsText, membersText, plural, withSubOrgTotals } from "./counts";

describe("org head counts", () => {
  it("agree in number", () => {
    expect(membersText(0)).toBe("0 members");
    expect(membersText(1)).toBe("1 member");
    expect(membersText(1200)).toBe("1,200 members");
    expect(plural(1, "user")).toBe("1 user");
    expect(plural(1, "person", "people")).toBe("1 person");
    expect(plural(2, "person", "people")).toBe("2 people");
    expect(inclSubOrgsText(14)).toBe("14 incl. sub-orgs");
  });

  it("a subtree total adds every org below, and nothing beside or above", () => {
    const totals = withSubOrgTotals([
      { id: "r", path: "r/", users: 3, devices: 0 },
      { id: "a", path: "r/a/", users: 2, devices: 2 },
      { id: "a1", path: "r/a/a1/", users: 1, devices: 1 },
      { id: "b", path: "r/b/", users: 0, devices: 5 },
    ]);
    expect(Object.fromEntries(totals)).toEqual({
      r: { users: 6, devices: 8 },
      a: { users: 3, devices: 3 },
      a1: { users: 1, devices: 1 },
      b: { users: 0, devices: 5 },
    });
  });
});
