import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { organizations, tenants } from "@/db/schema";
import { DomainError } from "@/lib/errors";
import { planLimits, PolicyError, type PlanLimits } from "@/lib/policy";
import { fromPolicy } from "@/lib/errors";

const MAX_ATTEMPTS = 3;
const RETRYABLE = new Set(["40001", "40P01"]); // serialization failure, deadlock

/** The SQLSTATE of a driver error, looking through Drizzle's wrapper. */
export function pgCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

/** The constraint a unique violation names, to tell "email taken" from other clashes. */
export function pgConstraint(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const name = (e as { constraint?: unknown }).constraint;
    if (typeof name === "string") return name;
  }
  return undefined;
}

const busy = () => new DomainError("BUSY", "Someone else is changing this right now. Try again in a moment.");

/** Translates what a transaction can throw into what a person can act on. */
export function toDomainError(error: unknown): unknown {
  if (error instanceof DomainError) return error;
  if (error instanceof PolicyError) return fromPolicy(error);
  const code = pgCode(error);
  if (code === "23505") return new DomainError("CONFLICT", "That already exists.", { refusal: "ALREADY_EXISTS" });
  // A row it points at vanished meanwhile (e.g. an org deleted while someone was invited into it).
  if (code === "23503") return new DomainError("NOT_FOUND", "Not found");
  if (code && (RETRYABLE.has(code) || code === "55P03" || code === "57014")) return busy();
  if (causes(error).some((e) => e instanceof Error && /timeout exceeded when trying to connect/i.test(e.message))) return busy();
  return error;
}

/** The error and the errors it wraps: a query run outside inTransaction reaches us as Drizzle's "Failed query" wrapper. */
function causes(error: unknown): unknown[] {
  const out: unknown[] = [];
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) out.push(e);
  return out;
}

/**
 * One command, one transaction (architecture.md "Writes"). Deadlocks and serialization
 * failures are retried a bounded number of times with jitter (security.md I6); everything else
 * rolls back and surfaces as a DomainError when it is one a person can act on.
 */
export async function inTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(work);
    } catch (error) {
      const code = pgCode(error);
      if (code && RETRYABLE.has(code) && attempt < MAX_ATTEMPTS) {
        await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 40 * attempt));
        continue;
      }
      throw toDomainError(error);
    }
  }
}

/**
 * Serialises tenant-wide invariants (developer count, plan user limit, daily invites) and
 * returns the tenant's effective limits as of the lock.
 */
export async function lockTenant(tx: Tx, tenantId: string): Promise<PlanLimits> {
  const [tenant] = await tx
    .select({ plan: tenants.plan, limitsOverride: tenants.limitsOverride })
    .from(tenants)
    .where(eq(tenants.id, tenantId))
    .for("update");
  if (!tenant) throw new DomainError("NOT_FOUND", "Not found");
  return planLimits(tenant.plan, tenant.limitsOverride);
}

/** Serialises "an org keeps an Admin"; ascending id order so two commands cannot deadlock. */
export async function lockOrgs(tx: Tx, orgIds: Iterable<string>): Promise<void> {
  const ids = [...new Set(orgIds)].sort();
  if (ids.length === 0) return;
  await tx.select({ id: organizations.id }).from(organizations).where(inArray(organizations.id, ids)).orderBy(asc(organizations.id)).for("update");
}
