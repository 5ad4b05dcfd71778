import { describe, expect, it } from "vitest";
import { isoInTimeZone, utcOffset } from "./iso-offset";

describe("isoInTimeZone", () => {
  it.each([
    ["2026-12-07T08:15:00Z", "Europe/Berlin", "2026-12-07T09:15:00+01:00"],
    // Summer time: the same zone, another offset.
    ["2026-07-07T08:15:00Z", "Europe/Berlin", "2026-07-07T10:15:00+02:00"],
    ["2026-12-07T08:15:00Z", "UTC", "2026-12-07T08:15:00+00:00"],
    ["2026-12-07T02:30:45Z", "America/New_York", "2026-12-06T21:30:45-05:00"],
    ["2026-12-07T00:00:00Z", "Asia/Kolkata", "2026-12-07T05:30:00+05:30"],
    // Midnight reads 00, not 24.
    ["2026-12-06T23:00:00Z", "Europe/Berlin", "2026-12-07T00:00:00+01:00"],
  ])("%s in %s → %s", (iso, zone, expected) => {
    expect(isoInTimeZone(new Date(iso), zone)).toBe(expected);
  });
});

describe("utcOffset", () => {
  it.each([
    ["2026-12-07T08:15:00Z", "Asia/Tokyo", "+09:00"],
    ["2026-07-07T08:15:00Z", "Europe/Berlin", "+02:00"],
    ["2026-12-07T08:15:00Z", "UTC", "+00:00"],
    ["2026-12-07T08:15:00Z", "America/St_Johns", "-03:30"],
  ])("%s in %s → %s", (iso, zone, expected) => {
    expect(utcOffset(new Date(iso), zone)).toBe(expected);
  });
});
