import "server-only";
import { eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { tenants, users } from "@/db/schema";
import { OPERATOR_ACTOR } from "@/lib/audit/actions";
import { writeAudit } from "@/lib/audit/write";
import { inTransaction } from "@/lib/commands/transaction";
import { DomainError } from "@/lib/errors";
import { invitationLink, resetLink } from "@/lib/mail/templates";
import { issueToken, tokenExpiresAt, type TokenKind } from "@/lib/users/tokens";
import type { resetLinkSchema } from "./schemas";

export type ResetLink = { kind: TokenKind; email: string; tenantId: string; tenantName: string; link: string; expiresAt: Date };

/**
 * `user reset-link`: a password-reset link for the operator to hand to a locked-out person (no
 * email is sent: their mailbox may be the problem). Someone who never accepted their invitation
 * has no password to reset — a first Admin whose invitation got lost — and gets a new invitation
 * link instead (the old one dies). Refused for anyone who could not log in afterwards.
 */
export async function issueResetLink(db: Db, input: z.output<typeof resetLinkSchema>, now = new Date()): Promise<ResetLink> {
  return inTransaction(db, async (tx) => {
    const [row] = await tx
      .select({ user: { id: users.id, email: users.email, orgId: users.orgId, acceptedAt: users.acceptedAt, suspendedAt: users.suspendedAt }, tenant: { id: tenants.id, name: tenants.name, suspendedAt: tenants.suspendedAt } })
      .from(users)
      .innerJoin(tenants, eq(tenants.id, users.tenantId))
      .where(sql`lower(${users.email}) = ${input.email}`)
      .limit(1);
    if (!row) throw new DomainError("NOT_FOUND", `No account has the email ${input.email}.`);
    const { user, tenant } = row;
    if (tenant.suspendedAt) throw new DomainError("CONFLICT", `${tenant.name} is suspended; resume it first (tenant resume ${tenant.id}).`, { refusal: "TENANT_SUSPENDED" });
    if (user.suspendedAt) throw new DomainError("CONFLICT", `${user.email} is suspended in ${tenant.name}: an Admin there must reactivate them first.`, { refusal: "ALREADY_SUSPENDED" });
    const kind: TokenKind = user.acceptedAt ? "password_reset" : "invitation";
    const token = await issueToken(tx, { tenantId: tenant.id, userId: user.id, kind, now });
    await writeAudit(tx, {
      tenantId: tenant.id,
      orgId: user.orgId,
      actorEmail: OPERATOR_ACTOR,
      action: kind === "invitation" ? "user_invitation_resent" : "user_reset_link_issued",
      targetType: "user",
      targetId: user.id,
      targetLabel: user.email,
    });
    const link = kind === "invitation" ? invitationLink(token) : resetLink(token);
    return { kind, email: user.email, tenantId: tenant.id, tenantName: tenant.name, link, expiresAt: tokenExpiresAt(kind, now) };
  });
}
