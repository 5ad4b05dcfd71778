import "server-only";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import type { Actor } from "@/lib/commands/actor";
import type { BulkResult, Skipped } from "@/lib/commands/bulk";
import { lockTenant } from "@/lib/commands/transaction";
import { enqueueEmail } from "@/lib/mail/outbox";
import { invitationEmail } from "@/lib/mail/templates";
import { orgTimeZones } from "@/lib/orgs/time-zone-of";
import { checkDailyInvites } from "@/lib/policy";
import { isAnyOf } from "@/lib/sql/any-of";
import { bulkUsersSchema } from "../schemas";
import { issueToken, tokenExpiresAt } from "../tokens";
import { invitationsToday } from "./invite";
import { runOnUsers } from "./run-on-users";

/** New token and email for pending users; the old link stops working. Counts toward the daily cap. */
export async function resendInvitations(db: Db, actor: Actor, input: z.output<typeof bulkUsersSchema>, now = new Date()): Promise<BulkResult> {
  const tenantId = actor.viewer.tenant.id;
  return runOnUsers(db, actor, input, {
    action: "users.resend_invitation",
    refuse: async (tx, list) => {
      await lockTenant(tx, tenantId);
      let sent = await invitationsToday(tx, tenantId, now);
      const refused = new Map<string, Pick<Skipped, "code" | "refusal" | "reason">>();
      for (const user of list) {
        const check = checkDailyInvites({ sentToday: sent, adding: 1 });
        if (check.ok) sent++;
        else refused.set(user.id, { code: check.code, refusal: check.refusal, reason: check.reason });
      }
      return refused;
    },
    apply: async (tx, list) => {
      const timeZone = await orgTimeZones(tx, list.map((u) => u.org.id));
      const expires = { at: tokenExpiresAt("invitation", now) };
      for (const user of list) {
        const token = await issueToken(tx, { tenantId, userId: user.id, kind: "invitation", now });
        await enqueueEmail(tx, tenantId, invitationEmail({ to: user.email, name: user.name, inviter: actor.viewer.name, orgName: user.org.name, token, expires: { ...expires, timeZone: timeZone(user.org.id) } }));
      }
    },
    audit: () => ({ action: "user_invitation_resent" }),
  });
}

/** Withdraws invitations: the pending users and their tokens are removed. */
export async function revokeInvitations(db: Db, actor: Actor, input: z.output<typeof bulkUsersSchema>): Promise<BulkResult> {
  return runOnUsers(db, actor, input, {
    action: "users.revoke_invitation",
    apply: async (tx, list) => {
      await tx.delete(users).where(isAnyOf(users.id, list.map((u) => u.id)));
    },
    audit: (user) => ({ action: "user_invitation_revoked", before: { name: user.name, email: user.email, role: user.role } }),
  });
}
