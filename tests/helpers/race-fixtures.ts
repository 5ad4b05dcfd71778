// Direct inserts for setting up race rounds quickly (no argon2, no commands): users of a given
// role in a given org, and the counts the invariants are about.
import { and, count, eq, inArray, isNotNull, isNull, like } from "drizzle-orm";
import type { Db } from "@/db/client";
import { devices, organizations, outbox, users } from "@/db/schema";

export async function orgById(db: Db, orgId: string) {
  const [org] = await db.select().from(organizations).where(eq(organizations.id, orgId));
  if (!org) throw new Error(`no org ${orgId}`);
  return org;
}

/** Active (accepted, not suspended) users inserted straight into an org; returns their ids in input order. */
export async function addUsers(db: Db, orgId: string, emails: readonly string[], role: "admin" | "staff" | "user", options: { pending?: boolean } = {}): Promise<string[]> {
  if (emails.length === 0) return [];
  const org = await orgById(db, orgId);
  const now = new Date();
  const rows = await db
    .insert(users)
    .values(
      emails.map((email) => ({
        tenantId: org.tenantId,
        orgId,
        email,
        name: email.split("@")[0]!.slice(0, 60),
        role,
        acceptedAt: options.pending ? null : now,
        lastLoginAt: options.pending ? null : now,
        registeredAt: now,
      })),
    )
    .returning({ id: users.id, email: users.email });
  const byEmail = new Map(rows.map((r) => [r.email, r.id]));
  return emails.map((e) => byEmail.get(e)!);
}

/** One device per user, owned by them, in their org (so deletes move devices and fire the count trigger). */
export async function addDevices(db: Db, ownerIds: readonly string[]): Promise<void> {
  if (ownerIds.length === 0) return;
  const owners = await db.select({ id: users.id, orgId: users.orgId, tenantId: users.tenantId }).from(users).where(inArray(users.id, [...ownerIds]));
  const byId = new Map(owners.map((o) => [o.id, o]));
  await db.insert(devices).values(ownerIds.map((id, i) => ({ tenantId: byId.get(id)!.tenantId, orgId: byId.get(id)!.orgId, ownerId: id, name: `Device ${i}` })));
}

/** Removes the users a test created (their tokens, sessions and links go by cascade). */
export async function removeUsersLike(db: Db, emailPattern: string): Promise<void> {
  await db.delete(users).where(like(users.email, emailPattern));
}

export async function activeAdmins(db: Db, orgId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.role, "admin"), isNull(users.suspendedAt), isNotNull(users.acceptedAt)));
  return row?.n ?? 0;
}

export async function usersInTenant(db: Db, tenantId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users).where(eq(users.tenantId, tenantId));
  return row?.n ?? 0;
}

/** The plaintext token of the newest invitation email sent to `email` (read back from the outbox). */
export async function invitationTokenFor(db: Db, email: string): Promise<string> {
  const rows = await db.select({ text: outbox.textBody, createdAt: outbox.createdAt }).from(outbox).where(and(eq(outbox.toAddress, email), eq(outbox.kind, "invitation")));
  const newest = rows.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
  const token = newest?.text.match(/\/invite\/([A-Za-z0-9_-]{43})\b/)?.[1];
  if (!token) throw new Error(`no invitation link for ${email} in the outbox`);
  return token;
}

/** A small deterministic PRNG, so a failing round's task order can be reproduced. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  let s = seed >>> 0 || 1;
  const next = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
