import { z } from "zod";

/**
 * Trim, Unicode NFC and lower-case before validating and before the unique check
 * (security.md F3). NFC, not NFKC: a full-width "＠" must stay what it is and be refused.
 */
export function normalizeEmail(raw: string): string {
  return raw.trim().normalize("NFC").toLowerCase();
}

export const emailSchema = z
  .string()
  .max(254)
  .transform(normalizeEmail)
  .pipe(z.email({ message: "Enter a valid email address." }));
