import { describe, expect, it } from "vitest";
import { orgAt, viewerAt } from "@/lib/policy/test-fixtures";
import { consoleNav, settingsNav } from "./nav";

const ROOT = orgAt("acme/");
const labels = (items: { label: string }[]) => items.map((i) => i.label);

describe("settings navigation", () => {
  it("shows each settings page where the viewer may use it, and Settings opens the first", () => {
    const admin = viewerAt({ org: ROOT, role: "admin" });
    expect(settingsNav("acme", admin).map((i) => [i.label, i.href])).toEqual([
      ["Organization", "/o/acme/settings"],
      ["Locations", "/o/acme/settings/locations"],
      ["Tags", "/o/acme/settings/tags"],
      ["Roles and permissions", "/o/acme/settings/roles"],
    ]);
    expect(consoleNav("acme", admin).find((i) => i.label === "Settings")).toEqual({ href: "/o/acme/settings", label: "Settings", section: "/o/acme/settings" });
    expect(labels(consoleNav("acme", admin))).not.toContain("Roles and permissions");
  });

  it("leads a viewer without org.settings to the first page they may use, and shows none to a viewer with none", () => {
    const rolesOnly = viewerAt({ org: ROOT, role: "clerk", grants: ["roles.view"] });
    expect(labels(settingsNav("acme", rolesOnly))).toEqual(["Roles and permissions"]);
    expect(consoleNav("acme", rolesOnly).find((i) => i.label === "Settings")?.href).toBe("/o/acme/settings/roles");
    // Locations and tags are read by whoever sees people or devices; editing them is another permission.
    const seesUsers = viewerAt({ org: ROOT, role: "clerk", grants: ["users.view"] });
    expect(labels(settingsNav("acme", seesUsers))).toEqual(["Locations", "Tags"]);
    const user = viewerAt({ org: ROOT, role: "user" });
    expect(settingsNav("acme", user)).toEqual([]);
    expect(labels(consoleNav("acme", user))).not.toContain("Settings");
  });
});
