"use server";

import { AuthError } from "next-auth";
import { getDb } from "@/db/client";
import { signIn, signOut } from "@/lib/auth/config";
import { safeCallbackPath } from "@/lib/auth/safe-redirect";
import { revokeSession } from "@/lib/auth/session-check";
import { getViewer } from "@/lib/auth/viewer";

export type LoginState = { error: string | null; email: string };

// One message for every failure: unknown email, wrong password, pending, suspended, throttled.
const LOGIN_FAILED = "Invalid email or password.";

export async function loginAction(_previous: LoginState, formData: FormData): Promise<LoginState> {
  const email = String(formData.get("email") ?? "").slice(0, 254);
  try {
    await signIn("credentials", {
      email,
      password: String(formData.get("password") ?? ""),
      redirectTo: safeCallbackPath(formData.get("callbackUrl")),
    });
  } catch (error) {
    // signIn throws Next's redirect on success: only Auth.js errors are failures.
    if (error instanceof AuthError) return { error: LOGIN_FAILED, email };
    throw error;
  }
  return { error: null, email };
}

/** Logging out kills the session row, not only the cookie (security.md D2). */
export async function logoutAction(): Promise<void> {
  const viewer = await getViewer();
  if (viewer) await revokeSession(await getDb(), viewer.sessionId);
  await signOut({ redirectTo: "/login" });
}
