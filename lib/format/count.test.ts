import { describe, expect, it } from "vitest";
import { countLabel, usersCount, usersRange } from "./count";

describe("counts", () => {
  it("says a capped count with a plus, and users in the plural unless exactly one", () => {
    expect(countLabel(1234)).toBe("1,234");
    expect(countLabel(10_000, true)).toBe("10,000+");
    expect(usersCount(1)).toBe("1 user");
    expect(usersCount(0)).toBe("0 users");
    expect(usersCount(12)).toBe("12 users");
    expect(usersCount(10_000, true)).toBe("10,000+ users");
  });

  it("says which rows a page shows, the last page's too", () => {
    expect(usersRange(0, 25, 26)).toBe("1–25 of 26 users");
    expect(usersRange(25, 1, 26)).toBe("26–26 of 26 users");
    expect(usersRange(9_950, 50, 10_000, true)).toBe("9,951–10,000 of 10,000+ users");
    expect(usersRange(0, 0, 0)).toBe("0 of 0 users");
  });
});
