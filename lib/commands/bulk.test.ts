import { describe, expect, it } from "vitest";
import { bulkMessage, changedNothing, type BulkResult } from "./bulk";

const skip = (id: string, reason: string) => ({ id, name: id, reason, code: "CONFLICT" as const, refusal: "LAST_ADMIN" as const });

describe("bulk results as the UI reports them", () => {
  it("counts what was done and names up to two distinct reasons for the rest", () => {
    expect(bulkMessage({ done: ["a", "b"], skipped: [] }, "deleted")).toBe("2 deleted");
    const mixed: BulkResult = { done: ["a"], skipped: [skip("b", "Last Admin of Boilers Ltd"), skip("c", "Last Admin of Boilers Ltd"), skip("d", "Not found"), skip("e", "Third")] };
    expect(bulkMessage(mixed, "deleted")).toBe("1 deleted, 4 skipped: Last Admin of Boilers Ltd; Not found");
  });

  it("calls a result with every row refused a change of nothing, and no other", () => {
    expect(changedNothing({ done: [], skipped: [skip("a", "This user already has that role")] })).toBe(true);
    expect(changedNothing({ done: ["a"], skipped: [skip("b", "x")] })).toBe(false);
    expect(changedNothing({ done: ["a"], skipped: [] })).toBe(false);
    expect(changedNothing({ done: [], skipped: [] })).toBe(false);
  });
});
