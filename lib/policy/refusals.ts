// Every reason a request can be refused, declared once: results, errors and the browser carry
// one of these beside the message, so code (the UI, the tests, API clients) branches on the
// code and the message stays free to read well.
export const REFUSALS = {
  // Input and sessions
  INVALID_INPUT: "The input does not match what the action accepts.",
  SESSION_ENDED: "The session is over; log in again.",
  NOT_FOUND: "No such object in the viewer's view (worded like an unknown id).",
  UNEXPECTED: "Something failed that the caller cannot fix; the log has it by request id.",
  BUSY: "A concurrent change holds what this needs; try again.",
  ALREADY_EXISTS: "A unique value is already taken.",
  THROTTLED: "Too many attempts from this client; wait.",
  LINK_EXPIRED: "The emailed link is used, revoked or expired.",
  WRONG_PASSWORD: "The current password given is not correct.",
  TOO_MANY_MATCHES: "A bulk action on every match of a filter matched more than it may act on.",
  // Permissions and whom they may touch
  MISSING_PERMISSION: "The viewer's role lacks the action's permission in this org.",
  UNKNOWN_ACTION: "The policy has no such action, or it does not apply to that kind of object.",
  DEVELOPER_ADMIN_ONLY: "Only Admins can use developer mode.",
  OWN_ACCOUNT: "Your own account is changed from your profile.",
  ROLE_ABOVE_YOURS: "The target's role, or the role to give, is above the viewer's.",
  PERMISSIONS_LOCKED: "The plan does not allow editing permissions.",
  // The state of the target
  LAST_ADMIN: "An org would be left without an active Admin.",
  NOT_ACCEPTED_YET: "The user has not accepted their invitation.",
  ALREADY_ACCEPTED: "The user has already accepted their invitation.",
  SAME_ROLE: "The user already has that role.",
  ALREADY_SUSPENDED: "The user is already suspended.",
  NOT_SUSPENDED: "The user is not suspended.",
  ALREADY_IN_ORG: "The user is already in the destination org.",
  EMAIL_TAKEN: "An account with that email exists.",
  NO_SUCH_ADMIN: "No Admin with that email in the viewer's orgs.",
  OWNER_OUTSIDE_ORG: "A device's owner must be a member of its org.",
  OWNER_NEVER_LOGGED_IN: "A device's new owner must have logged in once.",
  LOCATION_OUTSIDE_ORG: "A location given belongs to another org.",
  ROLE_UNKNOWN: "No such role in the tenant.",
  // Organizations
  SUB_ORGS_NOT_ALLOWED: "The parent org does not allow sub-organizations.",
  ROOT_TYPE: "A sub-organization cannot be of the root type.",
  OWN_ORG: "The viewer's own org is edited from settings and cannot be deleted.",
  ROOT_ORG: "The root org cannot be deleted.",
  ORG_NOT_EMPTY: "The org still holds users, devices or sub-orgs.",
  ORG_NAME_TAKEN: "A sibling org has that name.",
  ADMIN_LISTED_TWICE: "A new org's admin is listed twice.",
  // Roles
  ROLE_NAME_TAKEN: "A role with that name exists.",
  BUILTIN_ROLE: "Built-in roles cannot be renamed or deleted.",
  REPLACEMENT_ROLE: "A deleted role's members need another existing role.",
  ADMINS_KEEP_ROLES_EDIT: "Admins must keep the permission to edit roles.",
  // Plan limits
  PLAN_USER_LIMIT: "The plan's user limit is reached.",
  DAILY_INVITE_CAP: "The day's invitations are used up.",
  DEVELOPER_HELD: "The plan allows one developer and someone else is it.",
  TAG_LIMIT: "A user has the most tags allowed.",
  ALREADY_TAGGED: "The user already has that tag.",
  PLAN_ORG_TYPE: "The plan does not offer that org type.",
  PLAN_NO_SUB_ORGS: "The plan has no sub-organizations.",
  PLAN_DEPTH: "The plan's org depth is reached.",
  PLAN_SUB_ORG_LIMIT: "The plan's sub-organization limit is reached.",
  PLAN_NO_CUSTOM_ROLES: "The plan has no custom roles.",
  PLAN_ROLE_LIMIT: "The plan's role limit is reached.",
  PLAN_NO_SELF_SIGNUP: "The plan does not offer self sign-up.",
  PLAN_LIMITS_BROKEN: "The tenant is over a limit of the plan asked for.",
  // Sign-up, self-registration and the operator
  SIGNUP_CLOSED: "The operator has closed sign-up.",
  JOIN_UNAVAILABLE: "The join link is off, unknown or its tenant is not on a business plan.",
  JOIN_DOMAIN: "The email's domain is not one the tenant lets sign up.",
  HANDLE_TAKEN: "Another tenant has that join handle.",
  SELF_SIGNUP_IN_ROOT: "Self sign-up is set in the root organization, not a sub-organization.",
  JOIN_ROLE_ADMIN: "People who sign up themselves cannot get the Admin role.",
  CONFIRM_MISMATCH: "A destructive command's confirmation does not match.",
} as const;

export type Refusal = keyof typeof REFUSALS;
