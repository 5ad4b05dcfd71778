/** One message for unknown, used and expired links alike (security.md E2). */
export const LINK_EXPIRED = "This link has expired or has already been used.";
