import { describe, expect, it } from "vitest";
import { ORG_TYPES } from "./plans";
import { userTypeOf } from "./user-type";

describe("userTypeOf", () => {
  it.each(ORG_TYPES.map((orgType) => [orgType] as const))("developer mode on makes a developer, even in a %s org", (orgType) => {
    expect(userTypeOf({ developerMode: true, orgType })).toBe("developer");
  });

  it.each([
    ["root", "end_user"],
    ["client", "end_user"],
    ["distributor", "partner"],
    ["reseller", "partner"],
    ["contractor", "partner"],
    ["installer", "partner"],
    ["something unknown", "end_user"],
  ] as const)("without developer mode, a member of a %s org is %s", (orgType, type) => {
    expect(userTypeOf({ developerMode: false, orgType })).toBe(type);
  });
});
