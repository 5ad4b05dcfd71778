// What the sign-up pages and commands say, in one place so a page and a refusal cannot drift apart.
export const CHECK_EMAIL = "Check your email to finish signing up.";
export const SIGNUP_CLOSED = "Sign-up is closed on this Roster. Ask its operator for an account.";
/** One page for a join link that is off, unknown, suspended or on another plan (issue 19 §3). */
export const JOIN_UNAVAILABLE = "This sign-up link is not available.";
export const NO_ROOM = "This organization cannot take new members right now. Contact its Admin.";
export const TOO_MANY_SIGNUPS = "Too many sign-ups from your network. Try again in an hour.";
