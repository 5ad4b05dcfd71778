import "server-only";
import { eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { tenants } from "@/db/schema";
import type { Actor } from "@/lib/commands/actor";
import { env } from "@/lib/env";
import { orgTarget } from "@/lib/orgs/target";
import { can } from "@/lib/policy";
import { tenantRoles, type RoleOption } from "@/lib/users/page-data";

// A tenant's self sign-up (product.md §1) as its settings page shows it; the join page reads
// the same columns through lib/signup/joinable.ts.

/** The public link people join by. */
export function joinUrl(handle: string): string {
  return new URL(`/join/${handle}`, env.APP_URL).toString();
}

/** The join link up to the handle, shown in front of the handle's input. */
function joinUrlPrefix(): string {
  return new URL("/join/", env.APP_URL).toString();
}

/** "Initech Climate" → "initech-climate": the handle a tenant's name suggests, before checking it is free. */
function handleFromName(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, 40)
    .replace(/^-+|-+$/g, "");
  if (slug.length >= 3) return slug;
  return slug ? `${slug}-team` : "team";
}

/** The first free handle of the name's base, base-2, base-3…; a random suffix when those are all taken. */
async function suggestHandle(db: Executor, name: string): Promise<string> {
  const base = handleFromName(name);
  const withSuffix = (suffix: string) => `${base.slice(0, 40 - suffix.length).replace(/-+$/, "")}${suffix}`;
  const candidates = [base, ...Array.from({ length: 19 }, (_, i) => withSuffix(`-${i + 2}`))];
  const taken = new Set((await db.select({ handle: tenants.handle }).from(tenants).where(inArray(tenants.handle, candidates))).map((r) => r.handle));
  return candidates.find((c) => !taken.has(c)) ?? withSuffix(`-${crypto.randomUUID().slice(0, 6)}`);
}

export type SelfSignupSettings = {
  enabled: boolean;
  role: string;
  domains: string[];
  /** The saved handle; null until the setting is first saved. */
  handle: string | null;
  /** The handle to offer in the form: the saved one, or one suggested by the tenant's name. */
  proposedHandle: string;
  joinUrl: string | null;
  joinUrlPrefix: string;
  /** The roles the viewer may let people join with (never Admin, none above their own), and the current one. */
  roles: RoleOption[];
};

/** The actor's tenant's self sign-up, for the settings page of its root org. */
export async function selfSignupSettings(db: Executor, actor: Actor): Promise<SelfSignupSettings> {
  const tenantId = actor.viewer.tenant.id;
  const [[tenant], all] = await Promise.all([
    db.select({ name: tenants.name, handle: tenants.handle, enabled: tenants.joinEnabled, role: tenants.joinRole, domains: tenants.joinDomains }).from(tenants).where(eq(tenants.id, tenantId)),
    tenantRoles(db, tenantId),
  ]);
  if (!tenant) throw new Error(`tenant ${tenantId} has no row`);
  const target = orgTarget(actor);
  return {
    enabled: tenant.enabled,
    role: tenant.role,
    domains: tenant.domains,
    handle: tenant.handle,
    proposedHandle: tenant.handle ?? (await suggestHandle(db, tenant.name)),
    joinUrl: tenant.handle ? joinUrl(tenant.handle) : null,
    joinUrlPrefix: joinUrlPrefix(),
    // The current role stays listed even when the viewer may not give it, so the form never swaps it silently.
    roles: all.filter((r) => r.key === tenant.role || can(actor.policy, "org.self_signup", target, { role: r.key })),
  };
}
