import { describe, expect, it } from "vitest";
import { isTimeZone, matchTimeZones, timeZoneOptions } from "./time-zones";

const WINTER = new Date("2026-12-07T08:15:00Z");

describe("isTimeZone", () => {
  it.each(["UTC", "Europe/Berlin", "Asia/Tokyo", "America/Argentina/Buenos_Aires", "Asia/Kolkata", "Asia/Calcutta"])("accepts %s", (zone) => {
    expect(isTimeZone(zone)).toBe(true);
  });
  it.each(["", "Mars/Olympus_Mons", "+09:00", "Europe/", "utc ", "x".repeat(10_000)])("refuses %j", (zone) => {
    expect(isTimeZone(zone)).toBe(false);
  });
});

describe("timeZoneOptions", () => {
  it("lists UTC and every zone once, by name, with its offset at the moment asked", () => {
    const options = timeZoneOptions(WINTER);
    expect(options.find((o) => o.id === "UTC")).toEqual({ id: "UTC", offset: "+00:00" });
    expect(options.find((o) => o.id === "Asia/Tokyo")).toEqual({ id: "Asia/Tokyo", offset: "+09:00" });
    expect(options.find((o) => o.id === "Europe/Berlin")?.offset).toBe("+01:00");
    expect(timeZoneOptions(new Date("2026-07-07T08:15:00Z")).find((o) => o.id === "Europe/Berlin")?.offset).toBe("+02:00");
    expect(new Set(options.map((o) => o.id)).size).toBe(options.length);
    expect(options.map((o) => o.id)).toEqual([...options.map((o) => o.id)].sort((a, b) => a.localeCompare(b)));
  });
  it("keeps an org's zone that is only an alias, so the picker can show it", () => {
    const ids = (current?: string) => timeZoneOptions(WINTER, current).map((o) => o.id);
    const alias = ["Asia/Kolkata", "Asia/Calcutta"].find((z) => !ids().includes(z))!;
    expect(ids(alias)).toContain(alias);
    expect(ids("Mars/Olympus_Mons")).not.toContain("Mars/Olympus_Mons");
  });
});

describe("matchTimeZones", () => {
  const options = timeZoneOptions(WINTER);
  const ids = (query: string) => matchTimeZones(options, query).map((o) => o.id);
  it("finds a zone by any words of its name, spaces for underscores, in any case", () => {
    expect(ids("tokyo")).toEqual(["Asia/Tokyo"]);
    expect(ids("new york")).toEqual(["America/New_York"]);
    expect(ids("america york")).toEqual(["America/New_York"]);
    expect(ids("UTC")).toEqual(["UTC"]);
    expect(ids("  ")).toHaveLength(options.length);
    expect(ids("atlantis")).toEqual([]);
  });
  it("finds zones by offset when the query is one", () => {
    expect(ids("+9")).toEqual(expect.arrayContaining(["Asia/Tokyo", "Asia/Seoul", "Australia/Darwin"]));
    expect(ids("UTC+09:00")).not.toContain("Australia/Darwin");
    expect(ids("utc+9:30")).toContain("Australia/Darwin");
    expect(ids("gmt -5")).toContain("America/New_York");
    for (const id of ids("+9")) expect(options.find((o) => o.id === id)!.offset.startsWith("+09")).toBe(true);
  });
});
