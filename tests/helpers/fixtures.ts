// Building blocks for the user-command tests, made of the real commands (no shortcuts in the
// database unless a test says so).
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditLog, outbox } from "@/db/schema";
import { DEMO_PASSWORD } from "@/db/seed";
import { logIn } from "@/lib/auth/login";
import { loadViewer, type SessionClaims } from "@/lib/auth/session-check";
import { actorIn, type Actor } from "@/lib/commands/actor";
import type { Skipped } from "@/lib/commands/bulk";
import { actorFor, orgIdByName } from "./actors";
import { userByEmail } from "./demo";
import { prepareSignupRequests } from "@/lib/signup/prepare";
import { acceptInvitation, finishSignup, inviteUser, requestSignup } from "./commands";

/** A password that passes the policy, for invited users. */
export const NEW_PASSWORD = "violet-harbour-lantern-42";

export const idOf = async (db: Db, email: string) => (await userByEmail(db, email)).id;

export const randomId = () => crypto.randomUUID();

/** The emails queued for an address, oldest first. */
export async function emailsTo(db: Db, address: string) {
  return db.select().from(outbox).where(eq(outbox.toAddress, address)).orderBy(asc(outbox.createdAt));
}

/** The token of the invitation or reset link in an email body. */
export function linkToken(text: string, kind: "invite" | "reset"): string {
  const match = new RegExp(`/${kind}/([A-Za-z0-9_-]+)`).exec(text);
  if (!match) throw new Error(`no /${kind}/ link in: ${text}`);
  return match[1]!;
}

/** The token of the newest email of this kind to an address. */
export async function lastLinkToken(db: Db, address: string, kind: "invite" | "reset"): Promise<string> {
  const emails = (await emailsTo(db, address)).filter((e) => e.kind === (kind === "invite" ? "invitation" : "password_reset"));
  const last = emails[emails.length - 1];
  if (!last) throw new Error(`no ${kind} email to ${address}`);
  return linkToken(last.textBody, kind);
}

type InviteSpec = { email: string; name?: string; role?: string; orgName?: string };

/** `inviterEmail` invites someone (into `orgName`, default the inviter's org); returns the id and link token. */
export async function invite(db: Db, inviterEmail: string, spec: InviteSpec): Promise<{ userId: string; token: string }> {
  const actor = await actorFor(db, inviterEmail);
  const targetOrgId = spec.orgName ? await orgIdByName(db, spec.orgName) : undefined;
  const { userId } = await inviteUser(db, actor, {
    orgId: actor.org.id,
    ...(targetOrgId ? { targetOrgId } : {}),
    name: spec.name ?? "Invited Person",
    email: spec.email,
    role: spec.role ?? "user",
    locationIds: [],
  });
  return { userId, token: await lastLinkToken(db, spec.email, "invite") };
}

/** Invites someone and accepts the invitation through the emailed link, as they would. */
export async function inviteAndAccept(db: Db, inviterEmail: string, spec: InviteSpec): Promise<string> {
  const { userId, token } = await invite(db, inviterEmail, spec);
  await acceptInvitation(db, { token, password: NEW_PASSWORD }, { ip: "10.9.9.9" });
  return userId;
}

export const MULLER_ADMIN = "boss@muller.test";

/** An Admin of the sub-org "Muller Boiler Group", invited by the root Admin and accepted. */
export async function mullerAdmin(db: Db): Promise<Actor> {
  await inviteAndAccept(db, "admin@acme.test", { email: MULLER_ADMIN, name: "Bea Boss", role: "admin", orgName: "Muller Boiler Group" });
  return actorFor(db, MULLER_ADMIN);
}

/** A real session row for a demo user (through logIn), as the cookie's claims. */
export async function openSession(db: Db, email: string, password = DEMO_PASSWORD): Promise<SessionClaims> {
  const login = await logIn(db, { email, password, ip: "10.1.1.1", userAgent: "vitest" });
  if (!login) throw new Error(`login failed for ${email}`);
  return { sid: login.sessionId, uid: login.userId, sv: login.sessionVersion };
}

/** The actor of a real session: what consoleAction builds for a request carrying these claims. */
export async function actorOfSession(db: Db, claims: SessionClaims, orgId?: string): Promise<Actor> {
  const viewer = await loadViewer(db, claims);
  if (!viewer) throw new Error("session is not alive");
  return actorIn(db, viewer, orgId ?? viewer.org.id, { ip: "10.1.1.1", requestId: "test" });
}

/** Audit rows about one target, oldest first. */
export async function auditOf(db: Db, targetId: string, action?: string) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.targetId, targetId), action ? eq(auditLog.action, action) : undefined))
    .orderBy(asc(auditLog.id));
}

/** A skipped row without its id: what is left must read the same for a foreign id and a random one. */
export const withoutId = (s: Skipped | undefined) => (s ? { name: s.name, reason: s.reason, code: s.code, refusal: s.refusal } : undefined);

/** The token of the newest sign-up link emailed to an address. */
export async function lastSignupToken(db: Db, address: string): Promise<string> {
  const emails = (await emailsTo(db, address)).filter((e) => e.kind === "signup_verify" || e.kind === "join_verify");
  const match = /\/signup\/([A-Za-z0-9_-]+)/.exec(emails[emails.length - 1]?.textBody ?? "");
  if (!match) throw new Error(`no sign-up link emailed to ${address}`);
  return match[1]!;
}

/** A tenant created the way a stranger creates one: /signup, the emailed link, finished. */
export async function signUpTenant(db: Db, spec: { email: string; orgName: string; name?: string }): Promise<{ tenantId: string; adminId: string }> {
  const ip = `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
  await requestSignup(db, { name: spec.name ?? "Signed Up", email: spec.email, password: NEW_PASSWORD, orgName: spec.orgName }, { ip });
  await prepareSignupRequests(db);
  const { orgId, claims } = await finishSignup(db, { token: await lastSignupToken(db, spec.email) }, { ip });
  return { tenantId: orgId, adminId: claims.uid };
}
