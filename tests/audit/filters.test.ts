import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, auditLabel } from "@/lib/audit/actions";
import { auditList } from "@/lib/table/audit";

describe("the audit URL's filters (one parser for the page and the export)", () => {
  it("keeps a catalogued action and drops anything else", () => {
    expect(auditList.read({ action: "user_invited" }).filters.action).toBe("user_invited");
    expect(auditList.read({ action: "user_invited'--" }).filters.action).toBeNull();
    expect(auditList.read(new URLSearchParams("action=probe")).filters.action).toBeNull();
  });

  it("bounds the texts and takes only a numeric cursor", () => {
    const { filters, url } = auditList.read({ actor: "a".repeat(500), target: "t".repeat(500), before: "12" });
    expect([filters.actor.length, filters.target.length, url.before]).toEqual([100, 100, 12]);
    expect(auditList.read({ before: "12; DROP" }).url.before).toBeNull();
  });
});

describe("the audit catalogue", () => {
  it("labels every action, and an uncatalogued key of an older row readably", () => {
    for (const [key, label] of Object.entries(AUDIT_ACTIONS)) expect(auditLabel(key), key).toBe(label);
    expect(auditLabel("legacy_event_name")).toBe("Legacy event name");
  });
});
