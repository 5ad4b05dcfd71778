// A person's type (product.md §2), derived from what decides it rather than stored beside it,
// so it can never disagree: moving developer mode or an org changes the type with it.
import type { OrgType } from "./plans";

export const USER_TYPES = ["developer", "end_user", "partner"] as const;
export type UserType = (typeof USER_TYPES)[number];

/** The business plan's partner org types; the root and client orgs hold end users. */
export const PARTNER_ORG_TYPES = ["distributor", "reseller", "contractor", "installer"] as const satisfies readonly OrgType[];

export const USER_TYPE_LABELS: Readonly<Record<UserType, string>> = { developer: "Developer", end_user: "End user", partner: "Partner" };

/** Developer exactly when developer mode is on; otherwise partner in a partner-type org, else end user. */
export function userTypeOf(user: { developerMode: boolean; orgType: string }): UserType {
  if (user.developerMode) return "developer";
  return (PARTNER_ORG_TYPES as readonly string[]).includes(user.orgType) ? "partner" : "end_user";
}
