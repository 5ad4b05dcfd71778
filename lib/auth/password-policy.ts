import "server-only";
import { dictionary } from "@zxcvbn-ts/language-common";
import { z } from "zod";
import { PASSWORD_MAX, PASSWORD_MIN } from "./password";

// ~49k leaked passwords (security.md C2): long enough to reject the usual suspects, and
// checked on the server, where the list does not weigh on the page.
const COMMON = new Set(dictionary["passwords-common"]);

/** At least 8, at most 256 characters, no composition rules, not a well-known password. */
export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`)
  .refine((password) => !COMMON.has(password.toLowerCase()), "This password is too common; choose another.")
  // Branded: a command that sets a password accepts only one that passed this policy, so an
  // action paired with a weaker schema does not compile.
  .brand<"PolicyPassword">();
