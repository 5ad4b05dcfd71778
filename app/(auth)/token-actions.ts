"use server";
// Actions of the pages reached from emailed links and from "forgot password". Anyone may call
// them; the commands rate-limit and answer uniformly.
import { after } from "next/server";
import { AuthError } from "next-auth";
import { getDb } from "@/db/client";
import { publicAction } from "@/lib/action";
import { signIn } from "@/lib/auth/config";
import { kickOutbox } from "@/lib/mail/deliver";
import { acceptInvitation, prepareResetRequests, requestPasswordReset, resetPassword, tokenPasswordSchema } from "@/lib/users/commands/account-recovery";
import { forgotPasswordSchema } from "@/lib/users/schemas";

/** Sets the first password, then logs the new user in (product.md §5 "Accept invitation"). */
export const acceptInvitationAction = publicAction(tokenPasswordSchema, async (db, input, meta) => {
  const { email } = await acceptInvitation(db, input, meta);
  try {
    await signIn("credentials", { email, password: input.password, redirect: false });
    return { loggedIn: true };
  } catch (error) {
    // The password is set either way; the login page is the fallback.
    if (error instanceof AuthError) return { loggedIn: false };
    throw error;
  }
});

/** A reset ends every session; the user then logs in with the new password (security.md E5). */
export const resetPasswordAction = publicAction(tokenPasswordSchema, resetPassword);

export const requestPasswordResetAction = publicAction(forgotPasswordSchema, async (db, input, meta) => {
  // Whether the address has an account is looked up once the answer has gone (security.md E3).
  after(async () => {
    await prepareResetRequests(db);
    kickOutbox(getDb);
  });
  await requestPasswordReset(db, input, meta);
});
