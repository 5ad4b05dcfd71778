// Plain-text emails. Links are built from APP_URL, never from the request's Host (security.md B4).
// Nobody is looking at a screen when an email is written: its times are in the recipient's org's
// time zone, named beside them (product.md §1).
import { env } from "@/lib/env";
import { formatDateTime } from "@/lib/format/dates";

/** `attachment`: what to attach, built when the mail is delivered (lib/mail/attachments.ts). */
export type Email = { kind: string; to: string; subject: string; text: string; attachment?: Record<string, unknown> };

const appLink = (path: string) => new URL(path, env.APP_URL).toString();

/** The links an invitation and a password reset carry (the operator's command line prints them too). */
export const invitationLink = (token: string) => appLink(`/invite/${token}`);
export const resetLink = (token: string) => appLink(`/reset/${token}`);

/** A link's end, in the zone of the org it belongs to: "Jan 6, 2027, 9:15 AM (Europe/Berlin)". */
export type Expiry = { at: Date; timeZone: string };
const until = ({ at, timeZone }: Expiry) => `${formatDateTime(at, timeZone)} (${timeZone})`;

// Names are validated without CR/LF, but a subject must never carry one (security.md F6).
const oneLine = (text: string) => text.replace(/[\r\n]+/g, " ");

export function invitationEmail(input: { to: string; name: string; inviter: string; orgName: string; token: string; expires: Expiry }): Email {
  return {
    kind: "invitation",
    to: input.to,
    subject: oneLine(`${input.inviter} invited you to ${input.orgName} on Roster`),
    text: [
      `Hello ${input.name},`,
      "",
      `${input.inviter} invited you to join ${input.orgName} on Roster.`,
      "Create your password to get started:",
      "",
      invitationLink(input.token),
      "",
      `This link works once and expires in 30 days, on ${until(input.expires)}.`,
    ].join("\n"),
  };
}

export function passwordResetEmail(input: { to: string; name: string; token: string; expires: Expiry }): Email {
  return {
    kind: "password_reset",
    to: input.to,
    subject: "Reset your Roster password",
    text: [
      `Hello ${input.name},`,
      "",
      "Someone asked to reset the password of your Roster account. If it was you, choose a new one here:",
      "",
      resetLink(input.token),
      "",
      `This link works once and expires in 60 minutes, at ${until(input.expires)}. If you did not ask, ignore this email; your password has not changed.`,
    ].join("\n"),
  };
}

export function passwordChangedEmail(input: { to: string; name: string; byAdmin: string | null }): Email {
  return {
    kind: "password_changed",
    to: input.to,
    subject: "Your Roster password was changed",
    text: [
      `Hello ${input.name},`,
      "",
      input.byAdmin
        ? `${input.byAdmin}, an administrator of your organization, set a new password for your account. You have been logged out everywhere.`
        : "The password of your Roster account was changed. Your other sessions have been logged out.",
      "",
      `If this was not expected, reset your password: ${appLink("/forgot")}`,
    ].join("\n"),
  };
}

export function transferredEmail(input: { to: string; name: string; orgName: string; roleLabel: string }): Email {
  return {
    kind: "user_transferred",
    to: input.to,
    subject: oneLine(`You have moved to ${input.orgName}`),
    text: [`Hello ${input.name},`, "", `Your Roster account now belongs to ${input.orgName}, as ${input.roleLabel}.`, "", appLink("/login")].join("\n"),
  };
}

export function arrivalEmail(input: { to: string; adminName: string; userName: string; userEmail: string; orgName: string }): Email {
  return {
    kind: "user_arrived",
    to: input.to,
    subject: oneLine(`${input.userName} joined ${input.orgName}`),
    text: [`Hello ${input.adminName},`, "", `${input.userName} <${input.userEmail}> was transferred to ${input.orgName}.`].join("\n"),
  };
}

export function signupLinkEmail(input: { to: string; name: string; joining: string | null; orgName: string; token: string }): Email {
  const what = input.joining ? `join ${input.joining}` : `create ${input.orgName}`;
  return {
    kind: input.joining ? "join_verify" : "signup_verify",
    to: input.to,
    subject: oneLine(`Finish signing up to ${input.joining ?? input.orgName} on Roster`),
    text: [
      `Hello ${input.name},`,
      "",
      `To ${what} on Roster, confirm your email address:`,
      "",
      appLink(`/signup/${input.token}`),
      "",
      "This link works once and expires in 24 hours. If you did not sign up, ignore this email; nothing has been created.",
    ].join("\n"),
  };
}

/** To an address that already has an account: someone (perhaps its owner) tried to sign up with it. */
export function signupExistingAccountEmail(input: { to: string; name: string }): Email {
  return {
    kind: "signup_existing_account",
    to: input.to,
    subject: "Someone tried to sign up to Roster with your email",
    text: [
      `Hello ${input.name},`,
      "",
      "Someone tried to sign up to Roster with this email address, which already has an account. Nothing was changed.",
      "",
      `If it was you, log in: ${appLink("/login")}`,
      `Forgot your password? Reset it: ${appLink("/forgot")}`,
      "",
      "If it was not you, you can ignore this email.",
    ].join("\n"),
  };
}

/** To the person who asked (never the target): the log itself is attached when the mail goes out. */
export function deviceLogEmail(input: { to: string; name: string; userName: string; userEmail: string; days: number; attachment: Record<string, unknown> }): Email {
  return {
    kind: "device_log",
    to: input.to,
    subject: oneLine(`Device log of ${input.userName}, last ${input.days} days`),
    text: [
      `Hello ${input.name},`,
      "",
      `Attached is the actions log of the devices of ${input.userName} <${input.userEmail}> over the last ${input.days} days, as you asked.`,
      "It lists the devices they own that you can see, with times in their organization's time zone.",
    ].join("\n"),
    attachment: input.attachment,
  };
}
