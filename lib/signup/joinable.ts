import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { tenants } from "@/db/schema";
import { DomainError } from "@/lib/errors";
import { planLimits, type PlanLimits } from "@/lib/policy";

export type JoinableTenant = { id: string; name: string; handle: string; role: string; domains: string[]; limits: PlanLimits };

/**
 * The tenant a join link opens, or null when the link is off, unknown, suspended or its plan has
 * no self sign-up — one answer for all of them, so the page tells a stranger nothing more.
 * `lock` holds the tenant row (FOR UPDATE) for a join's plan-limit check.
 */
export async function joinableTenant(db: Executor, by: { handle: string } | { id: string }, options: { lock?: boolean } = {}): Promise<JoinableTenant | null> {
  const query = db
    .select({ id: tenants.id, name: tenants.name, handle: tenants.handle, plan: tenants.plan, limitsOverride: tenants.limitsOverride, role: tenants.joinRole, domains: tenants.joinDomains })
    .from(tenants)
    .where(and("id" in by ? eq(tenants.id, by.id) : eq(tenants.handle, by.handle), eq(tenants.joinEnabled, true), isNull(tenants.suspendedAt)))
    .limit(1);
  const [row] = options.lock ? await query.for("update") : await query;
  if (!row) return null;
  const limits = planLimits(row.plan, row.limitsOverride);
  if (!limits.selfSignUp) return null;
  return { id: row.id, name: row.name, handle: row.handle!, role: row.role, domains: row.domains, limits };
}

/** The refusal of an address outside the tenant's domains, at the start and again when the link is used. */
export function outsideDomains(domains: readonly string[]): DomainError {
  return new DomainError("INVALID", `Use an email address at ${domains.join(" or ")}.`, { field: "email", refusal: "JOIN_DOMAIN" });
}

/** Whether an address may join: any when the tenant lists no domains, else one of them (subdomains not included). */
export function domainAllowed(email: string, domains: readonly string[]): boolean {
  if (domains.length === 0) return true;
  const domain = email.slice(email.lastIndexOf("@") + 1);
  return domains.includes(domain);
}
