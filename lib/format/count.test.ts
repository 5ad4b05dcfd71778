import { describe, expect, it } from "vitest";
import { countLabel, usersCount } from "./count";

describe("counts", () => {
  it("says a capped count with a plus, and users in the plural unless exactly one", () => {
    expect(countLabel(1234)).toBe("1,234");
    expect(countLabel(10_000, true)).toBe("10,000+");
    expect(usersCount(1)).toBe("1 user");
    expect(usersCount(0)).toBe("0 users");
    expect(usersCount(12)).toBe("12 users");
    expect(usersCount(10_000, true)).toBe("10,000+ users");
  });
});
