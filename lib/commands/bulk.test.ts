import { describe, expect, it } from "vitest";
import { bulkMessage, changedNothing, type BulkResult } from "./bulk";

const skip = (id: string, reason: string) => ({ id, name: id, reason, code: "CONFLICT" as const, refusal: "LAST_ADMIN" as const });
const sam = { id: "s", name: "Sam Stone", email: "sam@acme.test" };
const ivy = { id: "i", name: "Ivy Invited", email: "ivy@acme.test" };

describe("bulk results as the UI reports them", () => {
  it("counts what was done and names up to two distinct reasons for the rest", () => {
    expect(bulkMessage({ done: ["a", "b"], skipped: [] }, { verb: "deleted" })).toBe("2 deleted");
    const mixed: BulkResult = { done: ["a"], skipped: [skip("b", "Last Admin of Boilers Ltd"), skip("c", "Last Admin of Boilers Ltd"), skip("d", "Not found"), skip("e", "Third")] };
    expect(bulkMessage(mixed, { verb: "deleted" })).toBe("1 deleted, 4 skipped: Last Admin of Boilers Ltd; Not found");
  });

  it("names the one row a result is about, by name, or by email for an invitation", () => {
    expect(bulkMessage({ done: ["s"], skipped: [] }, { verb: "suspended" }, [sam, ivy])).toBe("Sam Stone suspended");
    expect(bulkMessage({ done: ["i"], skipped: [] }, { verb: "revoked", invitations: true }, [sam, ivy])).toBe("Invitation to ivy@acme.test revoked");
  });

  it("says why the one row named was left alone", () => {
    expect(bulkMessage({ done: [], skipped: [skip("s", "Last Admin of Boilers Ltd")] }, { verb: "suspended" }, [sam])).toBe("Sam Stone not suspended: Last Admin of Boilers Ltd");
  });

  it("counts a single row it cannot name, and several rows even when it can name them", () => {
    expect(bulkMessage({ done: ["x"], skipped: [] }, { verb: "suspended" }, [sam])).toBe("1 suspended");
    expect(bulkMessage({ done: ["s", "i"], skipped: [] }, { verb: "suspended" }, [sam, ivy])).toBe("2 suspended");
    expect(bulkMessage({ done: ["s"], skipped: [skip("i", "Not found")] }, { verb: "resent", invitations: true }, [sam, ivy])).toBe("1 invitation resent, 1 skipped: Not found");
    expect(bulkMessage({ done: ["s", "i"], skipped: [] }, { verb: "revoked", invitations: true }, [sam, ivy])).toBe("2 invitations revoked");
  });

  it("calls a result with every row refused a change of nothing, and no other", () => {
    expect(changedNothing({ done: [], skipped: [skip("a", "This user already has that role")] })).toBe(true);
    expect(changedNothing({ done: ["a"], skipped: [skip("b", "x")] })).toBe(false);
    expect(changedNothing({ done: ["a"], skipped: [] })).toBe(false);
    expect(changedNothing({ done: [], skipped: [] })).toBe(false);
  });
});
