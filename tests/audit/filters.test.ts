import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, auditLabel } from "@/lib/audit/actions";
import { auditFiltersFrom } from "@/lib/audit/filters";

describe("the audit URL's filters (one parser for the page and the export)", () => {
  it("keeps a catalogued action and drops anything else", () => {
    expect(auditFiltersFrom({ action: "user_invited" }).filters.action).toBe("user_invited");
    expect(auditFiltersFrom({ action: "user_invited'--" }).filters.action).toBeNull();
    expect(auditFiltersFrom(new URLSearchParams("action=probe")).filters.action).toBeNull();
  });

  it("bounds the texts and takes only a numeric cursor", () => {
    const { filters, before } = auditFiltersFrom({ actor: "a".repeat(500), target: "t".repeat(500), before: "12" });
    expect([filters.actor.length, filters.target.length, before]).toEqual([100, 100, 12]);
    expect(auditFiltersFrom({ before: "12; DROP" }).before).toBeNull();
  });
});

describe("the audit catalogue", () => {
  it("labels every action, and an uncatalogued key of an older row readably", () => {
    for (const [key, label] of Object.entries(AUDIT_ACTIONS)) expect(auditLabel(key), key).toBe(label);
    expect(auditLabel("legacy_event_name")).toBe("Legacy event name");
  });
});
