import "server-only";
import { z } from "zod";
import type { Db } from "@/db/client";
import { signupRequests } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { newPasswordSchema } from "@/lib/auth/password-policy";
import { addressBucket, emailKey, hit, type ThrottleRule } from "@/lib/auth/throttle";
import { signupOpen } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { domainAllowed, joinableTenant, outsideDomains } from "../joinable";
import { JOIN_UNAVAILABLE, SIGNUP_CLOSED, TOO_MANY_SIGNUPS } from "../messages";
import { joinFormSchema, signupFormSchema } from "../schemas";

type Meta = { ip: string; now?: Date };

const HOUR = 3_600_000;
/** A sign-up link lives a day (issue 19); an unfinished request is purged after it. */
export const SIGNUP_LIFETIME_MS = 24 * HOUR;

// Counted before any hashing (security.md H2's shape). Per address: 10 sign-ups an hour, enough
// for an office behind one NAT; per email: 3 an hour, so nobody can flood one mailbox.
export const SIGNUP_RULES = {
  perIp: { limit: 10, windowMs: HOUR, blockMs: HOUR },
  perEmail: { limit: 3, windowMs: HOUR, blockMs: HOUR },
} satisfies Record<string, ThrottleRule>;

/** What the server accepts: the form's fields with the server's password policy. */
export const signupSchema = signupFormSchema.extend({ password: newPasswordSchema });
export const joinSchema = joinFormSchema.extend({ password: newPasswordSchema });

type Queued = { email: string; name: string; password: string; orgName: string | null; tenantId: string | null };

/**
 * Starts a sign-up that creates a tenant. The answer and the work before it are the same for an
 * address with or without an account (security.md E3): the request is queued with its password
 * hash, and whether the address is taken is only looked up after the answer (prepare.ts).
 */
export async function requestSignup(db: Db, input: z.output<typeof signupSchema>, meta: Meta): Promise<void> {
  if (!signupOpen()) throw new DomainError("FORBIDDEN", SIGNUP_CLOSED, { refusal: "SIGNUP_CLOSED" });
  await queue(db, { ...input, tenantId: null }, meta);
}

/** Starts a self-registration into a business tenant's root org through its join link. */
export async function requestJoin(db: Db, input: z.output<typeof joinSchema>, meta: Meta): Promise<void> {
  const tenant = await joinableTenant(db, { handle: input.handle });
  if (!tenant) throw new DomainError("NOT_FOUND", JOIN_UNAVAILABLE, { refusal: "JOIN_UNAVAILABLE" });
  if (!domainAllowed(input.email, tenant.domains)) throw outsideDomains(tenant.domains);
  await queue(db, { name: input.name, email: input.email, password: input.password, orgName: null, tenantId: tenant.id }, meta);
}

async function queue(db: Db, input: Queued, meta: Meta): Promise<void> {
  const now = meta.now ?? new Date();
  const perIp = await hit(db, `signup:ip:${addressBucket(meta.ip)}`, SIGNUP_RULES.perIp, now);
  if (perIp.failures > SIGNUP_RULES.perIp.limit) throw new DomainError("LIMIT", TOO_MANY_SIGNUPS, { refusal: "THROTTLED" });
  // Over the per-email limit the answer stays the same and nothing is queued: the address's
  // owner has had their emails, and the answer must not differ by address.
  const perEmail = await hit(db, `signup:email:${emailKey(input.email)}`, SIGNUP_RULES.perEmail, now);
  if (perEmail.failures > SIGNUP_RULES.perEmail.limit) return;
  const passwordHash = await hashPassword(input.password);
  await db.insert(signupRequests).values({
    tenantId: input.tenantId,
    email: input.email,
    name: input.name,
    orgName: input.orgName,
    passwordHash,
    ip: meta.ip,
    createdAt: now,
    expiresAt: new Date(now.getTime() + SIGNUP_LIFETIME_MS),
  });
}
