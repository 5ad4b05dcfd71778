import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatLastLogin } from "./dates";

const now = new Date("2026-11-23T15:00:00Z");

describe("formatLastLogin", () => {
  it.each([
    [null, "UTC", "Never"],
    ["2026-11-23T18:00:00Z", "UTC", "Today 6:00 PM"],
    ["2026-01-29T13:12:00Z", "UTC", "1:12 PM Jan 29"],
    ["2025-01-29T13:12:00Z", "UTC", "1:12 PM Jan 29, 2025"],
    // 01:30 UTC on the 24th is still the 23rd in New York: "today" is the viewer's day.
    ["2026-11-24T01:30:00Z", "America/New_York", "Today 8:30 PM"],
  ])("%s in %s → %s", (iso, tz, expected) => {
    expect(formatLastLogin(iso ? new Date(iso) : null, now, tz)).toBe(expected);
  });

  it("formats registration dates with the year only when it differs", () => {
    expect(formatDate(new Date("2026-03-02T10:00:00Z"), now, "UTC")).toBe("Mar 2");
    expect(formatDate(new Date("2024-03-02T10:00:00Z"), now, "UTC")).toBe("Mar 2, 2024");
  });
});

describe("formatDateTime", () => {
  it("formats in the viewer's time zone, each zone with its own formatter", () => {
    const at = new Date("2026-11-24T01:30:00Z");
    expect(formatDateTime(at, "UTC")).toBe("Nov 24, 2026, 1:30 AM");
    expect(formatDateTime(at, "America/New_York")).toBe("Nov 23, 2026, 8:30 PM");
    // The cached formatters of one zone do not leak into another, nor into formatDate.
    expect(formatDateTime(at, "UTC")).toBe("Nov 24, 2026, 1:30 AM");
    expect(formatDate(at, now, "UTC")).toBe("Nov 24");
  });
});
