import { count, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { sessions, users, userTokens } from "@/db/schema";
import { DEMO_PASSWORD } from "@/db/seed";
import { logIn } from "@/lib/auth/login";
import { loadViewer } from "@/lib/auth/session-check";
import { env } from "@/lib/env";
import { LINK_EXPIRED, prepareResetRequests, RESET_REQUEST_TTL_MS } from "@/lib/users/commands/account-recovery";
import { newToken } from "@/lib/users/tokens";
import { freshDemoDb } from "../helpers/db";
import { tableDigests } from "../helpers/db-state";
import { userByEmail } from "../helpers/demo";
import { auditOf, emailsTo, invite, lastLinkToken, NEW_PASSWORD, openSession } from "../helpers/fixtures";
import { refusedWithoutChange, snapshot } from "../helpers/snapshot";
import { acceptInvitation, requestPasswordReset, resetPassword } from "../helpers/commands";

let db: Db;
beforeEach(async () => {
  db = await freshDemoDb();
});

const DAY = 86_400_000;
const later = (ms: number) => new Date(Date.now() + ms);
const canLogIn = async (email: string, password: string) => (await logIn(db, { email, password, ip: "10.2.2.2", userAgent: null })) !== null;
const sessionCount = async (userId: string) => (await db.select({ n: count() }).from(sessions).where(eq(sessions.userId, userId)))[0]!.n;

describe("tokens", () => {
  it("are 43 base64url characters of CSPRNG output; 10 000 of them are distinct", () => {
    const tokens = Array.from({ length: 10_000 }, newToken);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Set(tokens).size).toBe(10_000);
  });
});

describe("accept invitation", () => {
  it("sets the password and accepted_at, opens no session itself, and writes one audit row", async () => {
    const { userId, token } = await invite(db, "admin@acme.test", { email: "new@acme.test" });
    expect(await acceptInvitation(db, { token, password: NEW_PASSWORD }, { ip: "10.0.0.7" })).toEqual({ email: "new@acme.test" });
    const user = await userByEmail(db, "new@acme.test");
    expect(user.acceptedAt).not.toBeNull();
    expect(user.lastLoginAt).not.toBeNull();
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await sessionCount(userId)).toBe(0);
    expect(await auditOf(db, userId, "user_invitation_accepted")).toHaveLength(1);
    expect(await canLogIn("new@acme.test", NEW_PASSWORD)).toBe(true);
  });

  it("is single use: the second attempt says only that the link expired", async () => {
    const { token } = await invite(db, "admin@acme.test", { email: "new@acme.test" });
    await acceptInvitation(db, { token, password: NEW_PASSWORD }, { ip: "10.0.0.7" });
    const error = await refusedWithoutChange(db, () => acceptInvitation(db, { token, password: "another-long-passphrase" }, { ip: "10.0.0.7" }));
    expect(error).toMatchObject({ code: "INVALID", refusal: "LINK_EXPIRED", message: LINK_EXPIRED });
    expect(await canLogIn("new@acme.test", NEW_PASSWORD)).toBe(true);
  });

  it("refuses an expired link (30 days) the same way, and accepts it the day before", async () => {
    const { token } = await invite(db, "admin@acme.test", { email: "new@acme.test" });
    const error = await refusedWithoutChange(db, () => acceptInvitation(db, { token, password: NEW_PASSWORD }, { ip: "10.0.0.7", now: later(30 * DAY + 60_000) }));
    expect(error).toMatchObject({ code: "INVALID", refusal: "LINK_EXPIRED", message: LINK_EXPIRED });
    await acceptInvitation(db, { token, password: NEW_PASSWORD }, { ip: "10.0.0.7", now: later(29 * DAY) });
  });

  it("refuses unknown and malformed tokens with the same message", async () => {
    for (const token of [newToken(), "short", "x".repeat(43), `${newToken()}=`]) {
      const error = await refusedWithoutChange(db, () => acceptInvitation(db, { token, password: NEW_PASSWORD }, { ip: "10.0.0.8" }));
      expect(error).toMatchObject({ code: "INVALID", refusal: "LINK_EXPIRED", message: LINK_EXPIRED });
    }
  });

  it("does not burn the link on a refused password", async () => {
    const { token } = await invite(db, "admin@acme.test", { email: "new@acme.test" });
    for (const password of ["short77", "password123"]) {
      const error = await refusedWithoutChange(db, () => acceptInvitation(db, { token, password }, { ip: "10.0.0.7" }));
      expect(error.code).toBe("INVALID");
    }
    await acceptInvitation(db, { token, password: NEW_PASSWORD }, { ip: "10.0.0.7" });
  });

  it("refuses the 11th wrong token from one IP with LIMIT, even a right one; other IPs go on", async () => {
    const { token } = await invite(db, "admin@acme.test", { email: "new@acme.test" });
    for (let i = 1; i <= 10; i++) {
      await expect(acceptInvitation(db, { token: newToken(), password: NEW_PASSWORD }, { ip: "10.6.6.6" })).rejects.toMatchObject({ code: "INVALID", refusal: "LINK_EXPIRED", message: LINK_EXPIRED });
    }
    const blocked = await refusedWithoutChange(db, () => acceptInvitation(db, { token, password: NEW_PASSWORD }, { ip: "10.6.6.6" }));
    expect(blocked.code).toBe("LIMIT");
    await expect(resetPassword(db, { token: newToken(), password: NEW_PASSWORD }, { ip: "10.6.6.6" })).rejects.toMatchObject({ code: "LIMIT" });
    await acceptInvitation(db, { token, password: NEW_PASSWORD }, { ip: "10.7.7.7" });
  });
});

/** A "forgot password" request, then the step that runs once its answer has gone out. */
async function forgot(input: unknown, meta: { ip: string; now?: Date }): Promise<void> {
  const answer = await requestPasswordReset(db, input, meta);
  await prepareResetRequests(db, meta.now);
  return answer;
}

describe("forgot password", () => {
  it("does the same work before answering whether or not the address has an account (security.md E3)", async () => {
    const written = async (email: string, ip: string) => {
      const before = await tableDigests(db);
      await requestPasswordReset(db, { email }, { ip });
      const after = await tableDigests(db);
      // Which tables changed, and by how many rows: the request path must not depend on the address.
      const rows = (digest: string | undefined) => Number((digest ?? "0:").split(":")[0]);
      return Object.fromEntries(Object.entries(after).filter(([t, d]) => d !== before[t]).map(([t, d]) => [t, rows(d) - rows(before[t])]));
    };
    const existing = await written("user@acme.test", "10.3.3.1");
    const unknown = await written("nobody@acme.test", "10.3.3.2");
    expect(existing).toEqual(unknown);
    expect(existing).toEqual({ reset_requests: 1 });
    // Nothing about the account was touched before the answer: no token, no email, no audit row yet.
    expect(await emailsTo(db, "user@acme.test")).toEqual([]);
    expect(await prepareResetRequests(db)).toBe(2);
    expect((await emailsTo(db, "user@acme.test")).map((e) => e.kind)).toEqual(["password_reset"]);
    expect(await emailsTo(db, "nobody@acme.test")).toEqual([]);
    // Both requests are gone once handled: an unknown address leaves nothing behind.
    expect(await prepareResetRequests(db)).toBe(0);
  });

  it("drops a request whose step after the answer never ran in time: no late link", async () => {
    await requestPasswordReset(db, { email: "user@acme.test" }, { ip: "10.3.3.1" });
    expect(await prepareResetRequests(db, new Date(Date.now() + RESET_REQUEST_TTL_MS + 60_000))).toBe(1);
    expect(await emailsTo(db, "user@acme.test")).toEqual([]);
    expect(await prepareResetRequests(db)).toBe(0);
  });

  it("answers the same for existing, unknown, suspended and pending emails; only the active account gets mail", async () => {
    await db.update(users).set({ suspendedAt: new Date() }).where(eq(users.email, "staff@acme.test"));
    await invite(db, "admin@acme.test", { email: "pending@acme.test" });
    const before = await snapshot(db);
    const answers = [];
    for (const email of ["user@acme.test", "nobody@acme.test", "staff@acme.test", "pending@acme.test"]) {
      answers.push(await forgot({ email }, { ip: "10.3.3.3" }));
    }
    expect(answers).toEqual([undefined, undefined, undefined, undefined]);
    const after = await snapshot(db);
    expect((await emailsTo(db, "user@acme.test")).map((e) => e.kind)).toEqual(["password_reset"]);
    for (const email of ["nobody@acme.test", "staff@acme.test"]) expect(await emailsTo(db, email)).toEqual([]);
    expect((await emailsTo(db, "pending@acme.test")).map((e) => e.kind)).toEqual(["invitation"]);
    expect(after.outbox.length - before.outbox.length).toBe(1);
    expect(after.user_tokens.length - before.user_tokens.length).toBe(1);
  });

  it("builds the link on APP_URL with a 43-character token, changes nothing until it is used, and lives 60 minutes", async () => {
    await forgot({ email: " User@ACME.test" }, { ip: "10.3.3.3" });
    const [email] = await emailsTo(db, "user@acme.test");
    const link = new URL(email!.textBody.split("\n").find((line) => line.includes("/reset/"))!);
    expect(link.origin).toBe(new URL(env.APP_URL).origin);
    const token = linkTokenOf(link);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(await db.select().from(userTokens))).not.toContain(token);
    // No lockout: the old password still works.
    expect(await canLogIn("user@acme.test", DEMO_PASSWORD)).toBe(true);
    const error = await refusedWithoutChange(db, () => resetPassword(db, { token, password: NEW_PASSWORD }, { ip: "10.3.3.3", now: later(61 * 60_000) }));
    expect(error).toMatchObject({ code: "INVALID", refusal: "LINK_EXPIRED", message: LINK_EXPIRED });
  });

  it("sends at most 3 links per email an hour; the 4th request looks the same and sends nothing", async () => {
    for (let i = 1; i <= 4; i++) expect(await forgot({ email: "user@acme.test" }, { ip: `10.4.4.${i}` })).toBeUndefined();
    expect(await emailsTo(db, "user@acme.test")).toHaveLength(3);
    // An hour later the address may ask again.
    await forgot({ email: "user@acme.test" }, { ip: "10.4.4.9", now: later(2 * 3_600_000 + 60_000) });
    expect(await emailsTo(db, "user@acme.test")).toHaveLength(4);
  });

  it("sends at most 20 links per IP an hour, whatever the addresses", async () => {
    for (let i = 1; i <= 20; i++) await forgot({ email: `nobody${i}@acme.test` }, { ip: "10.5.5.5" });
    await forgot({ email: "user@acme.test" }, { ip: "10.5.5.5" });
    expect(await emailsTo(db, "user@acme.test")).toEqual([]);
    await forgot({ email: "user@acme.test" }, { ip: "10.5.5.6" });
    expect(await emailsTo(db, "user@acme.test")).toHaveLength(1);
  });

  it("a newer link kills the older one", async () => {
    await forgot({ email: "user@acme.test" }, { ip: "10.3.3.3" });
    const first = await lastLinkToken(db, "user@acme.test", "reset");
    await forgot({ email: "user@acme.test" }, { ip: "10.3.3.3" });
    const second = await lastLinkToken(db, "user@acme.test", "reset");
    await expect(resetPassword(db, { token: first, password: NEW_PASSWORD }, { ip: "10.3.3.3" })).rejects.toMatchObject({ message: LINK_EXPIRED });
    await resetPassword(db, { token: second, password: NEW_PASSWORD }, { ip: "10.3.3.3" });
  });

  it("reset sets the password, ends every session, notifies, audits once, and is single use", async () => {
    const user = await userByEmail(db, "user@acme.test");
    const claims = await openSession(db, "user@acme.test");
    await forgot({ email: "user@acme.test" }, { ip: "10.3.3.3" });
    const token = await lastLinkToken(db, "user@acme.test", "reset");
    await resetPassword(db, { token, password: NEW_PASSWORD }, { ip: "10.3.3.3" });

    expect(await loadViewer(db, claims)).toBeNull();
    expect((await userByEmail(db, "user@acme.test")).sessionVersion).toBe(user.sessionVersion + 1);
    expect((await emailsTo(db, "user@acme.test")).map((e) => e.kind)).toEqual(["password_reset", "password_changed"]);
    expect(await auditOf(db, user.id, "user_password_reset")).toHaveLength(1);
    expect(await canLogIn("user@acme.test", DEMO_PASSWORD)).toBe(false);
    expect(await canLogIn("user@acme.test", NEW_PASSWORD)).toBe(true);

    const again = await refusedWithoutChange(db, () => resetPassword(db, { token, password: "yet-another-passphrase" }, { ip: "10.3.3.3" }));
    expect(again).toMatchObject({ code: "INVALID", refusal: "LINK_EXPIRED", message: LINK_EXPIRED });
  });

  it("an invitation link cannot reset a password, nor a reset link accept an invitation", async () => {
    const { token: inviteToken } = await invite(db, "admin@acme.test", { email: "new@acme.test" });
    await forgot({ email: "user@acme.test" }, { ip: "10.3.3.3" });
    const resetToken = await lastLinkToken(db, "user@acme.test", "reset");
    await refusedWithoutChange(db, () => resetPassword(db, { token: inviteToken, password: NEW_PASSWORD }, { ip: "10.3.3.3" }));
    await refusedWithoutChange(db, () => acceptInvitation(db, { token: resetToken, password: NEW_PASSWORD }, { ip: "10.3.3.3" }));
  });

  it("refuses malformed requests with INVALID and no change", async () => {
    for (const raw of [{}, { email: 42 }, { email: "x".repeat(10_000) }, { email: "user＠acme.test" }, { email: "user@acme.test", tenantId: crypto.randomUUID() }]) {
      const error = await refusedWithoutChange(db, () => forgot(raw, { ip: "10.3.3.3" }));
      expect(error.code).toBe("INVALID");
    }
    for (const raw of [{ token: "x".repeat(10_000), password: NEW_PASSWORD }, { token: newToken() }, { token: newToken(), password: NEW_PASSWORD, userId: crypto.randomUUID() }]) {
      const error = await refusedWithoutChange(db, () => acceptInvitation(db, raw, { ip: "10.3.3.3" }));
      expect(error.code).toBe("INVALID");
    }
  });
});

function linkTokenOf(link: URL): string {
  return link.pathname.split("/").pop()!;
}
