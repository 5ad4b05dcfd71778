import { describe, expect, it } from "vitest";
import { formatRelative } from "./relative";

const now = new Date("2026-12-07T12:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);

describe("formatRelative", () => {
  it.each([
    [0, "just now"],
    [-5_000, "just now"],
    [59_000, "just now"],
    [60_000, "1 minute ago"],
    [5 * 60_000, "5 minutes ago"],
    [3 * 3_600_000, "3 hours ago"],
    [86_400_000, "yesterday"],
    [3 * 86_400_000, "3 days ago"],
    [8 * 86_400_000, "last week"],
    [40 * 86_400_000, "last month"],
    [400 * 86_400_000, "last year"],
  ])("%i ms ago → %s", (ms, text) => {
    expect(formatRelative(ago(ms), now)).toBe(text);
  });
});
