// How audit events read in the console. Unknown events fall back to their key, made readable.
const LABELS: Record<string, string> = {
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
  developer_mode_on: "Turned developer mode on",
  developer_mode_off: "Turned developer mode off",
  device_transferred: "Device transferred",
};

export function auditLabel(action: string): string {
  return LABELS[action] ?? action.replaceAll("_", " ").replace(/^\w/, (c) => c.toUpperCase());
}
