import "server-only";
import { assertAllowed } from "@/lib/commands/authorize";
import { and, asc, count, eq, gte, inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { auditLog, locations, organizations, userLocations, users } from "@/db/schema";
import type { AuditAction } from "@/lib/audit/actions";
import { writeAudit } from "@/lib/audit/write";
import { auditBy, type Actor } from "@/lib/commands/actor";
import { inTransaction, lockTenant, pgCode } from "@/lib/commands/transaction";
import { DomainError, fromPolicy } from "@/lib/errors";
import { chainOf } from "@/lib/locations/usable";
import { enqueueEmail } from "@/lib/mail/outbox";
import { equalsAnyOf } from "@/lib/sql/any-of";
import { invitationEmail } from "@/lib/mail/templates";
import { orgInView } from "@/lib/orgs/target";
import { checkDailyInvites, checkUserLimit, isInView, may } from "@/lib/policy";
import type { z } from "zod";
import { inviteSchema } from "../schemas";
import { roleExists } from "../roles";
import { issueToken, tokenExpiresAt } from "../tokens";

export const ALREADY_REGISTERED = "This email is already registered.";

/**
 * Locations must be usable in the user's org (its own or an org's above it, product.md §1);
 * held FOR SHARE against a concurrent delete. Returns the first name for the table's sort.
 */
export async function setUserLocations(tx: Tx, tenantId: string, orgPath: string, userId: string, locationIds: readonly string[]): Promise<string | null> {
  await tx.delete(userLocations).where(eq(userLocations.userId, userId));
  if (locationIds.length === 0) return null;
  const wanted = [...new Set(locationIds)];
  const rows = await tx
    .select({ id: locations.id, name: locations.name })
    .from(locations)
    .where(and(eq(locations.tenantId, tenantId), equalsAnyOf(locations.orgId, chainOf(orgPath)), inArray(locations.id, wanted)))
    .orderBy(asc(locations.name))
    .for("share");
  if (rows.length !== wanted.length) throw new DomainError("INVALID", "Choose locations of this organization.", { field: "locationIds", refusal: "LOCATION_OUTSIDE_ORG" });
  await tx.insert(userLocations).values(rows.map((l) => ({ tenantId, userId, locationId: l.id })));
  return rows[0]?.name ?? null;
}

/** Explains an email that is taken: with a way forward when the account is in reach (product.md §5). */
async function emailTaken(tx: Tx, actor: Actor, email: string): Promise<DomainError | null> {
  const [existing] = await tx
    .select({ name: users.name, org: { id: organizations.id, tenantId: organizations.tenantId, path: organizations.path, depth: organizations.depth, name: organizations.name } })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.orgId))
    .where(sql`lower(${users.email}) = ${email}`)
    .limit(1);
  if (!existing) return null;
  // Named only to a viewer who could find them in the users table anyway: in view (a sub-org
  // only with "switch to sub-organizations") and with "View users".
  const visible = may(actor.policy, "users.view") && isInView(actor.policy, existing.org);
  return visible
    ? new DomainError("CONFLICT", `${existing.name} already has an account in ${existing.org.name}. Transfer them instead.`, { field: "email", refusal: "EMAIL_TAKEN" })
    : new DomainError("CONFLICT", ALREADY_REGISTERED, { field: "email", refusal: "EMAIL_TAKEN" });
}

/** What the daily invitation cap counts: every invitation email sent, first or again. */
const INVITATIONS_SENT: AuditAction[] = ["user_invited", "user_invitation_resent"];

const startOfUtcDay = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));

/**
 * Invitations issued by the tenant today (resends included), read under the tenant lock. Counted
 * in the append-only audit log, not in user_tokens: revoking or deleting a pending user deletes
 * its tokens, and must not hand the day's invitations back.
 */
export async function invitationsToday(tx: Tx, tenantId: string, now: Date): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.tenantId, tenantId), gte(auditLog.createdAt, startOfUtcDay(now)), inArray(auditLog.action, INVITATIONS_SENT)));
  return row?.n ?? 0;
}

/** Users of the tenant, pending included: what the plan's user limit counts. */
export async function usersInTenant(tx: Tx, tenantId: string): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(users).where(eq(users.tenantId, tenantId));
  return row?.n ?? 0;
}

/**
 * Invites a person: a pending user, a single-use invitation token and its email, one
 * transaction. The plan's user limit counts pending users; 25 invitations per tenant per day.
 */
export async function inviteUser(db: Db, actor: Actor, input: z.output<typeof inviteSchema>, now = new Date()): Promise<{ userId: string }> {
  return inTransaction(db, (tx) => invitePerson(tx, actor, input, now));
}

/** The invitation inside a caller's transaction (creating an org invites its first Admins). */
export async function invitePerson(tx: Tx, actor: Actor, input: z.output<typeof inviteSchema>, now = new Date()): Promise<{ userId: string }> {
  const tenantId = actor.viewer.tenant.id;
  const org = await orgInView(tx, actor, input.targetOrgId ?? actor.org.id, { share: true });
  assertAllowed(actor.policy, "users.invite", org.target, { role: input.role });
  await roleExists(tx, tenantId, input.role);
  const limits = await lockTenant(tx, tenantId);
  // The daily cap before the email check: once it is used up, the answer no longer tells
  // whether an address is registered (security.md E8).
  const daily = checkDailyInvites({ sentToday: await invitationsToday(tx, tenantId, now), adding: 1 });
  if (!daily.ok) throw fromPolicy(daily);
  const taken = await emailTaken(tx, actor, input.email);
  if (taken) throw taken;
  const seats = checkUserLimit({ plan: limits, usersInTenant: await usersInTenant(tx, tenantId), adding: 1 });
  if (!seats.ok) throw fromPolicy(seats);

  const [user] = await tx
    .insert(users)
    .values({ tenantId, orgId: org.id, email: input.email, name: input.name, phone: input.phone ?? null, role: input.role, registeredAt: now })
    .returning({ id: users.id })
    .catch((error: unknown) => {
      // Another tenant invited the same address a moment ago (security.md I5).
      if (pgCode(error) === "23505") throw new DomainError("CONFLICT", ALREADY_REGISTERED, { field: "email", refusal: "EMAIL_TAKEN" });
      throw error;
    });
  const userId = user!.id;
  const locationName = await setUserLocations(tx, tenantId, org.path, userId, input.locationIds);
  if (locationName) await tx.update(users).set({ locationName }).where(eq(users.id, userId));
  const token = await issueToken(tx, { tenantId, userId, kind: "invitation", now });
  await enqueueEmail(tx, tenantId, invitationEmail({ to: input.email, name: input.name, inviter: actor.viewer.name, orgName: org.name, token, expires: { at: tokenExpiresAt("invitation", now), timeZone: org.timezone } }));
  await writeAudit(tx, {
    ...auditBy(actor),
    orgId: org.id,
    action: "user_invited",
    targetType: "user",
    targetId: userId,
    targetLabel: input.email,
    after: { name: input.name, email: input.email, role: input.role, org: org.name },
  });
  return { userId };
}
