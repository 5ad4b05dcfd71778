import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { organizations, users, userTokens } from "@/db/schema";
import { tenantIsLive } from "@/lib/tenants/live";

export type TokenKind = "invitation" | "password_reset";

const DAY = 24 * 3_600_000;
/** Invitations live 30 days (product.md §5); reset links 60 minutes (security.md E2). */
export const TOKEN_LIFETIME_MS: Record<TokenKind, number> = { invitation: 30 * DAY, password_reset: 60 * 60_000 };

/** When a token issued at `now` stops working: what its email tells the recipient. */
export const tokenExpiresAt = (kind: TokenKind, now: Date) => new Date(now.getTime() + TOKEN_LIFETIME_MS[kind]);

/** 32 bytes from the CSPRNG, base64url: 43 characters (security.md E1). */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** SQL for "this token exists, is of this kind, unused, unexpired and its tenant live". */
function usable(token: string, kind: TokenKind, now: Date) {
  return and(eq(userTokens.tokenHash, hashToken(token)), eq(userTokens.kind, kind), isNull(userTokens.usedAt), gt(userTokens.expiresAt, now), tenantIsLive(userTokens.tenantId));
}

/** Issues a token and kills every earlier unused one of the same kind for that user. */
export async function issueToken(db: Executor, input: { tenantId: string; userId: string; kind: TokenKind; now?: Date }): Promise<string> {
  const now = input.now ?? new Date();
  await db
    .update(userTokens)
    .set({ usedAt: now })
    .where(and(eq(userTokens.userId, input.userId), eq(userTokens.kind, input.kind), isNull(userTokens.usedAt)));
  const token = newToken();
  await db.insert(userTokens).values({
    tenantId: input.tenantId,
    userId: input.userId,
    kind: input.kind,
    tokenHash: hashToken(token),
    expiresAt: tokenExpiresAt(input.kind, now),
  });
  return token;
}

/**
 * Uses a token up in one statement, so two parallel requests cannot both win (security.md E2).
 * Returns the user it belongs to, or null for unknown, used or expired tokens alike — and for
 * the tokens of a suspended tenant, which come back to life if it is resumed.
 */
export async function consumeToken(db: Executor, token: string, kind: TokenKind, now = new Date()): Promise<{ userId: string; tenantId: string } | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const [row] = await db
    .update(userTokens)
    .set({ usedAt: now })
    .where(usable(token, kind, now))
    .returning({ userId: userTokens.userId, tenantId: userTokens.tenantId });
  return row ?? null;
}

/** Whether a token could still be used: the token pages show the form only then. */
export async function peekToken(db: Executor, token: string, kind: TokenKind, now = new Date()): Promise<boolean> {
  if (!TOKEN_SHAPE.test(token)) return false;
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(userTokens)
    .where(usable(token, kind, now))
    .limit(1);
  return !!row;
}

/**
 * What the accept page shows of a usable invitation: the invited email (for the password
 * manager's username too) and the org being joined. Null for any token peekToken refuses, so a
 * bad, used or expired token reveals nothing.
 */
export async function peekInvitation(db: Executor, token: string, now = new Date()): Promise<{ email: string; orgName: string } | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const [row] = await db
    .select({ email: users.email, orgName: organizations.name })
    .from(userTokens)
    .innerJoin(users, and(eq(users.id, userTokens.userId), eq(users.tenantId, userTokens.tenantId)))
    .innerJoin(organizations, and(eq(organizations.id, users.orgId), eq(organizations.tenantId, users.tenantId)))
    .where(usable(token, "invitation", now))
    .limit(1);
  return row ?? null;
}
