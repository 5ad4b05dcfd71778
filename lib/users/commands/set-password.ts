import "server-only";
import type { z } from "zod";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { newPasswordSchema } from "@/lib/auth/password-policy";
import { hashPassword } from "@/lib/auth/password";
import type { Actor } from "@/lib/commands/actor";
import { enqueueEmail } from "@/lib/mail/outbox";
import { passwordChangedEmail } from "@/lib/mail/templates";
import { adminPasswordSchema } from "../schemas";
import { assertMayActOnUsers, runOnUsers, single } from "./run-on-users";
import { endSessions } from "./sessions";

/** What the action accepts: the form's schema, with the server's own password checks. */
export const setUserPasswordSchema = adminPasswordSchema.extend({ password: newPasswordSchema });

/**
 * An admin sets another user's password (users.change_password): the user's sessions end and
 * they are told by email (security.md C5, C6).
 */
export async function setUserPassword(db: Db, actor: Actor, input: z.output<typeof setUserPasswordSchema>): Promise<void> {
  // Before hashing (deliberately slow): only for someone who may set passwords at all.
  assertMayActOnUsers(actor, "users.change_password");
  const passwordHash = await hashPassword(input.password);
  single(
    await runOnUsers(db, actor, { userIds: [input.userId] }, {
      action: "users.change_password",
      apply: async (tx, [user]) => {
        await tx.update(users).set({ passwordHash }).where(eq(users.id, user!.id));
        await endSessions(tx, [user!.id]);
        await enqueueEmail(tx, user!.tenantId, passwordChangedEmail({ to: user!.email, name: user!.name, byAdmin: actor.viewer.name }));
      },
      audit: () => ({ action: "user_password_set_by_admin" }),
    }),
  );
}
