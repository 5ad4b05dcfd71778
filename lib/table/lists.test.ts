import { parseAsString } from "nuqs/server";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineList } from "./define";
import { devicesList } from "./devices";
import { usersList } from "./users";

describe("the users list's URL (one reader for the page and the CSV export)", () => {
  it("cleans what a hand-edited URL holds instead of refusing it", () => {
    const roles = Array.from({ length: 30 }, (_, i) => `role_${i}`);
    const { filters, url } = usersList.read({ q: `  ${"x".repeat(300)}\u0000`, role: ["admin,Bad-Key,admin", ...roles].join(","), status: "pending,probe", nodev: "true", size: "7" });
    expect(filters.q).toBe("x".repeat(98));
    expect(filters.roles).toEqual(["admin", ...roles.slice(0, 18)]);
    expect(filters.statuses).toEqual(["pending"]);
    expect(filters.noDevices).toBe(true);
    expect(url.size).toBe(50);
  });

  it("writes the page's names, and reads back the filters it wrote", () => {
    const filters = usersList.filtersSchema.parse({ q: "smith & co", roles: ["admin", "staff"], statuses: ["active"], scope: "reach", noDevices: true });
    const href = usersList.href("/api/o/1/users/export", filters);
    const params = new URL(href, "http://localhost").searchParams;
    expect([...params.keys()].sort()).toEqual(["nodev", "q", "role", "scope", "status"]);
    expect(usersList.read(params).filters).toEqual(filters);
    expect(usersList.href("/o/1/users", usersList.filtersSchema.parse({}))).toBe("/o/1/users");
  });

  it("carries the location filter both ways, dropping what is not an id", () => {
    const id = "0b7c5a1e-8f2d-4c3b-9a6e-1d2f3a4b5c6d";
    const { filters } = usersList.read({ loc: `${id},nowhere` });
    expect(filters.locations).toEqual([id]);
    expect(usersList.href("/o/1/users", filters)).toBe(`/o/1/users?loc=${id}`);
  });
});

describe("the devices list's URL", () => {
  it("bounds the search and falls back to defaults", () => {
    const { filters, url } = devicesList.read({ q: "d".repeat(150), scope: "everywhere", page: "x" });
    expect(filters).toEqual({ q: "d".repeat(100), scope: "org", noOwner: false, locations: [], tags: [] });
    expect(url.page).toBe(1);
  });

  it("carries the \"without owner\" filter both ways", () => {
    expect(devicesList.read({ noowner: "true", scope: "reach" }).filters).toEqual({ q: "", scope: "reach", noOwner: true, locations: [], tags: [] });
    expect(devicesList.href("/o/x/devices", { q: "", scope: "reach", noOwner: true, locations: [], tags: [] })).toBe("/o/x/devices?scope=reach&noowner=true");
  });

  it("carries the location filter both ways, dropping what is not an id", () => {
    const id = "0b7c5a1e-8f2d-4c3b-9a6e-1d2f3a4b5c6d";
    expect(devicesList.read({ loc: `${id},x' OR 1=1` }).filters.locations).toEqual([id]);
    expect(devicesList.href("/o/x/devices", { q: "", scope: "org", noOwner: false, locations: [id], tags: [] })).toBe(`/o/x/devices?loc=${id}`);
  });

  it("carries the tag filter both ways, dropping ids that are not uuids", () => {
    const id = "0b5e1b7e-8a5e-4c1e-9a51-3c2b1f4f8e11";
    expect(devicesList.read({ tag: `${id},1 OR 1=1` }).filters.tags).toEqual([id]);
    expect(usersList.read({ tag: id }).filters.tags).toEqual([id]);
    expect(usersList.href("/o/x/users", { ...usersList.read({}).filters, tags: [id] })).toBe(`/o/x/users?tag=${id}`);
  });
});

describe("a list definition's reader", () => {
  it("shows the defaults when a value passes its parser but not the filter schema", () => {
    const list = defineList({
      url: { q: parseAsString.withDefault("") },
      filters: z.strictObject({ q: z.string().max(3) }),
      toFilters: (url) => ({ q: url.q }),
      toUrl: (filters) => ({ q: filters.q }),
    });
    expect(list.read({ q: "abc" }).filters).toEqual({ q: "abc" });
    expect(list.read({ q: "too long" })).toEqual({ url: { q: "too long" }, filters: { q: "" } });
  });
});
