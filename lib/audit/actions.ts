// Every event the audit log records, with how it reads in the console: the writer, the labels,
// the audit page's filter and the daily invitation cap all take their keys from here, so a
// misspelt action does not compile. OWASP's logging vocabulary where it fits (authn_, session_).
export const AUDIT_ACTIONS = {
  authn_login_success: "Logged in",
  authn_login_fail: "Failed login",
  authn_login_fail_throttled: "Login blocked (too many attempts)",
  session_logout_forced: "Logged out by an admin",
  session_logout_others: "Logged out other sessions",
  user_invited: "Invited",
  user_invitation_accepted: "Accepted the invitation",
  user_invitation_resent: "Invitation resent",
  user_invitation_revoked: "Invitation revoked",
  user_updated: "Details edited",
  user_role_changed: "Role changed",
  user_password_changed: "Changed their password",
  user_password_set_by_admin: "Password set by an admin",
  user_password_reset_requested: "Asked for a password reset",
  user_password_reset: "Reset their password",
  user_suspended: "Suspended",
  user_reactivated: "Reactivated",
  user_transferred: "Transferred",
  user_deleted: "Deleted",
  user_tagged: "Tagged",
  device_log_sent: "Device log emailed",
  user_untagged: "Tag removed",
  developer_mode_on: "Turned developer mode on",
  developer_mode_off: "Turned developer mode off",
  device_created: "Device created",
  device_deleted: "Device deleted",
  device_transferred: "Device transferred",
  device_updated: "Device edited",
  device_location_set: "Device location set",
  location_created: "Location created",
  location_updated: "Location edited",
  location_deleted: "Location deleted",
  user_location_set: "Location set",
  device_tagged: "Device tagged",
  device_untagged: "Device tag removed",
  tag_created: "Tag created",
  tag_updated: "Tag edited",
  tag_deleted: "Tag deleted",
  org_created: "Org created",
  org_updated: "Org updated",
  org_deleted: "Org deleted",
  org_settings_changed: "Organization settings changed",
  role_created: "Role created",
  role_renamed: "Role renamed",
  role_deleted: "Role deleted",
  role_grants_changed: "Role grants changed",
  tenant_signed_up: "Signed up, creating the organization",
  user_joined: "Joined through the sign-up link",
  self_signup_changed: "Self sign-up settings changed",
  tenant_created: "Organization created by the operator",
  tenant_plan_changed: "Plan changed",
  tenant_suspended: "Organization suspended",
  tenant_resumed: "Organization resumed",
  tenant_deleted: "Organization deleted",
  user_reset_link_issued: "Reset link made by the operator",
} as const satisfies Record<string, string>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

/** The actor of the rows the operator's command line writes (npm run roster; actor_id stays null). */
export const OPERATOR_ACTOR = "operator";
export const AUDIT_ACTION_KEYS = Object.freeze(Object.keys(AUDIT_ACTIONS) as AuditAction[]);

export function isAuditAction(value: unknown): value is AuditAction {
  return typeof value === "string" && Object.hasOwn(AUDIT_ACTIONS, value);
}

/** How an event reads in the console; rows written before an action was renamed fall back to their key, made readable. */
export function auditLabel(action: string): string {
  return isAuditAction(action) ? AUDIT_ACTIONS[action] : action.replaceAll("_", " ").replace(/^\w/, (c) => c.toUpperCase());
}
