import { and, eq, isNull } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { sessions } from "@/db/schema";
import { DEMO_PASSWORD } from "@/db/seed";
import { logIn } from "@/lib/auth/login";
import { loadViewer, revokeSession } from "@/lib/auth/session-check";
import { actorFor } from "../helpers/actors";
import { freshDemoDb } from "../helpers/db";
import { userByEmail } from "../helpers/demo";
import { actorOfSession, auditOf, emailsTo, idOf, invite, openSession } from "../helpers/fixtures";
import { refusedWithoutChange } from "../helpers/snapshot";
import { changeOwnPassword, setUserPassword } from "../helpers/commands";

let db: Db;
beforeEach(async () => {
  db = await freshDemoDb();
});

const canLogIn = async (email: string, password: string) => (await logIn(db, { email, password, ip: "10.2.2.2", userAgent: null })) !== null;

const setPassword = async (actorEmail: string, targetEmail: string, password: string) => {
  const actor = await actorFor(db, actorEmail);
  return setUserPassword(db, actor, { orgId: actor.org.id, userId: await idOf(db, targetEmail), password });
};

describe("admin sets a password (users.change_password)", () => {
  it("sets it, ends every session of the user, emails them and audits once", async () => {
    const before = await userByEmail(db, "user@acme.test");
    const claims = [await openSession(db, "user@acme.test"), await openSession(db, "user@acme.test")];
    await setPassword("admin@acme.test", "user@acme.test", "a-brand-new-passphrase");

    const after = await userByEmail(db, "user@acme.test");
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    for (const c of claims) expect(await loadViewer(db, c)).toBeNull();
    const mail = await emailsTo(db, "user@acme.test");
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ kind: "password_changed" });
    expect(mail[0]!.textBody).toContain("Alice Adams, an administrator");
    const audit = await auditOf(db, before.id);
    expect(audit.map((a) => a.action)).toEqual(["user_password_set_by_admin"]);
    expect(JSON.stringify(audit)).not.toContain("a-brand-new-passphrase");
    expect(await canLogIn("user@acme.test", "a-brand-new-passphrase")).toBe(true);
  });

  it.each([
    ["7 characters", "abcdefg"],
    ["a common password", "password123"],
    ["a common password in capitals", "PASSWORD123"],
    ["257 characters", "x".repeat(257)],
  ])("refuses %s with INVALID and no change", async (_label, password) => {
    const error = await refusedWithoutChange(db, () => setPassword("admin@acme.test", "user@acme.test", password));
    expect(error.code).toBe("INVALID");
    expect(error.fieldErrors).toHaveProperty("password");
  });

  it.each([
    ["8 characters", "qz8#Lm2v"],
    ["64 characters", "p".repeat(31) + "-" + "q".repeat(32)],
    ["128 characters", "long passphrase ".repeat(8)],
  ])("accepts %s and the password verifies exactly (no truncation or case folding)", async (label, password) => {
    expect(password).toHaveLength(Number.parseInt(label));
    await setPassword("admin@acme.test", "user@acme.test", password);
    expect(await canLogIn("user@acme.test", password)).toBe(true);
    expect(await canLogIn("user@acme.test", password.toUpperCase())).toBe(false);
    expect(await canLogIn("user@acme.test", password.slice(0, -1))).toBe(false);
  });

  it.each([
    ["Staff, who lacks the permission", "staff@acme.test", "user@acme.test", "FORBIDDEN"],
    ["a User", "user@acme.test", "staff@acme.test", "FORBIDDEN"],
    ["anyone, on themselves through the users table", "admin@acme.test", "admin@acme.test", "FORBIDDEN"],
  ])("refuses %s", async (_label, actorEmail, targetEmail, code) => {
    const error = await refusedWithoutChange(db, () => setPassword(actorEmail, targetEmail, "a-brand-new-passphrase"));
    expect(error.code).toBe(code);
  });

  it("refuses a pending user (CONFLICT: resend the invitation instead)", async () => {
    await invite(db, "admin@acme.test", { email: "pending@acme.test" });
    const error = await refusedWithoutChange(db, () => setPassword("admin@acme.test", "pending@acme.test", "a-brand-new-passphrase"));
    expect(error.code).toBe("CONFLICT");
  });
});

describe("own password", () => {
  it("needs the right current password; otherwise INVALID and the hash is unchanged", async () => {
    const claims = await openSession(db, "staff@acme.test");
    const actor = await actorOfSession(db, claims);
    for (const currentPassword of ["wrong-password", DEMO_PASSWORD.toUpperCase()]) {
      const error = await refusedWithoutChange(db, () => changeOwnPassword(db, actor, { currentPassword, newPassword: "a-brand-new-passphrase" }));
      expect(error).toMatchObject({ code: "INVALID", field: "currentPassword" });
    }
    const missing = await refusedWithoutChange(db, () => changeOwnPassword(db, actor, { newPassword: "a-brand-new-passphrase" }));
    expect(missing.code).toBe("INVALID");
  });

  it("applies the password policy to the new password", async () => {
    const actor = await actorOfSession(db, await openSession(db, "staff@acme.test"));
    for (const newPassword of ["abcdefg", "password123"]) {
      const error = await refusedWithoutChange(db, () => changeOwnPassword(db, actor, { currentPassword: DEMO_PASSWORD, newPassword }));
      expect(error.code).toBe("INVALID");
    }
  });

  it("ends every other session, renews this one's id, emails and audits once", async () => {
    const current = await openSession(db, "staff@acme.test");
    const other = await openSession(db, "staff@acme.test");
    const actor = await actorOfSession(db, current);
    const [before] = await db.select().from(sessions).where(eq(sessions.id, current.sid));
    const { sessionId } = await changeOwnPassword(db, actor, { currentPassword: DEMO_PASSWORD, newPassword: "a-brand-new-passphrase" });

    expect(sessionId).not.toBe(current.sid);
    expect(await loadViewer(db, current)).toBeNull();
    expect(await loadViewer(db, other)).toBeNull();
    expect((await loadViewer(db, { ...current, sid: sessionId }))?.userId).toBe(actor.viewer.userId);
    // The renewed session keeps the old one's start (the absolute timeout) and device.
    const [renewed] = await db.select().from(sessions).where(eq(sessions.id, sessionId));
    expect(renewed).toMatchObject({ createdAt: before!.createdAt, userAgent: before!.userAgent, ip: before!.ip, revokedAt: null });
    const alive = await db.select({ id: sessions.id }).from(sessions).where(and(eq(sessions.userId, actor.viewer.userId), isNull(sessions.revokedAt)));
    expect(alive.map((s) => s.id)).toEqual([sessionId]);
    expect((await emailsTo(db, "staff@acme.test")).map((e) => e.kind)).toEqual(["password_changed"]);
    expect((await auditOf(db, actor.viewer.userId, "user_password_changed"))).toHaveLength(1);
    expect(await canLogIn("staff@acme.test", DEMO_PASSWORD)).toBe(false);
    expect(await canLogIn("staff@acme.test", "a-brand-new-passphrase")).toBe(true);
  });

  it("refuses on a session ended meanwhile (UNAUTHENTICATED, no change)", async () => {
    const current = await openSession(db, "staff@acme.test");
    const actor = await actorOfSession(db, current);
    await revokeSession(db, current.sid);
    const error = await refusedWithoutChange(db, () => changeOwnPassword(db, actor, { currentPassword: DEMO_PASSWORD, newPassword: "a-brand-new-passphrase" }));
    expect(error.code).toBe("UNAUTHENTICATED");
  });

  it("refuses unexpected fields (INVALID, no change)", async () => {
    const actor = await actorOfSession(db, await openSession(db, "staff@acme.test"));
    const userId = await idOf(db, "user@acme.test");
    const error = await refusedWithoutChange(db, () => changeOwnPassword(db, actor, { currentPassword: DEMO_PASSWORD, newPassword: "a-brand-new-passphrase", userId }));
    expect(error.code).toBe("INVALID");
  });
});
