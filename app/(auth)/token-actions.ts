"use server";
// Actions of the pages reached from emailed links and from "forgot password". Anyone may call
// them; the commands validate, rate-limit and answer uniformly.
import { after } from "next/server";
import { AuthError } from "next-auth";
import { getDb } from "@/db/client";
import { publicAction } from "@/lib/action";
import { signIn } from "@/lib/auth/config";
import { kickOutbox } from "@/lib/mail/deliver";
import { acceptInvitation, prepareResetRequests, requestPasswordReset, resetPassword } from "@/lib/users/commands/account-recovery";

/** Sets the first password, then logs the new user in (product.md §5 "Accept invitation"). */
export async function acceptInvitationAction(input: unknown) {
  return publicAction(async (db, meta) => {
    const { email } = await acceptInvitation(db, input, meta);
    const password = (input as { password: string }).password;
    try {
      await signIn("credentials", { email, password, redirect: false });
      return { loggedIn: true };
    } catch (error) {
      // The password is set either way; the login page is the fallback.
      if (error instanceof AuthError) return { loggedIn: false };
      throw error;
    }
  });
}

/** A reset ends every session; the user then logs in with the new password (security.md E5). */
export async function resetPasswordAction(input: unknown) {
  return publicAction((db, meta) => resetPassword(db, input, meta));
}

export async function requestPasswordResetAction(input: unknown) {
  const answer = await publicAction((db, meta) => requestPasswordReset(db, input, meta));
  // Whether the address has an account is looked up once the answer has gone (security.md E3).
  after(async () => {
    const db = await getDb();
    await prepareResetRequests(db);
    kickOutbox(getDb);
  });
  return answer;
}
