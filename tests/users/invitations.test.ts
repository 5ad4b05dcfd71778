// Resend and revoke: the row actions on pending users.
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { users, userTokens } from "@/db/schema";
import { LINK_EXPIRED } from "@/lib/users/commands/account-recovery";
import { issueToken, peekInvitation, TOKEN_LIFETIME_MS } from "@/lib/users/tokens";
import { actorFor } from "../helpers/actors";
import { freshDemoDb } from "../helpers/db";
import { auditOf, emailsTo, idOf, invite, lastLinkToken, NEW_PASSWORD } from "../helpers/fixtures";
import { refusedWithoutChange, refusalWithoutChange, withoutChange } from "../helpers/snapshot";
import { acceptInvitation, inviteUser, resendInvitations, revokeInvitations } from "../helpers/commands";

let db: Db;
beforeEach(async () => {
  db = await freshDemoDb();
});

const as = async (actorEmail: string, command: typeof resendInvitations, userIds: string[]) => {
  const actor = await actorFor(db, actorEmail);
  return command(db, actor, { orgId: actor.org.id, userIds });
};

describe("resend invitation", () => {
  it("issues a new link and kills the old one; one email and one audit row", async () => {
    const { userId, token: old } = await invite(db, "admin@acme.test", { email: "new@acme.test" });
    expect(await as("staff@acme.test", resendInvitations, [userId])).toEqual({ done: [userId], skipped: [] });
    const fresh = await lastLinkToken(db, "new@acme.test", "invite");
    expect(fresh).not.toBe(old);
    expect(await emailsTo(db, "new@acme.test")).toHaveLength(2);
    expect((await auditOf(db, userId)).map((a) => a.action)).toEqual(["user_invited", "user_invitation_resent"]);
    const live = await db.select().from(userTokens).where(eq(userTokens.userId, userId));
    expect(live.filter((t) => t.usedAt === null)).toHaveLength(1);

    const error = await refusedWithoutChange(db, () => acceptInvitation(db, { token: old, password: NEW_PASSWORD }, { ip: "10.0.0.5" }));
    expect(error.message).toBe(LINK_EXPIRED);
    await acceptInvitation(db, { token: fresh, password: NEW_PASSWORD }, { ip: "10.0.0.5" });
  });

  it("refuses users who already accepted (CONFLICT) and a User (FORBIDDEN), with no change", async () => {
    const { userId } = await invite(db, "admin@acme.test", { email: "new@acme.test" });
    const accepted = await withoutChange(db, async () => as("admin@acme.test", resendInvitations, [await idOf(db, "staff@acme.test")]));
    expect(accepted.skipped[0]).toMatchObject({ code: "CONFLICT", refusal: "ALREADY_ACCEPTED", reason: "This user has already accepted the invitation" });
    expect(await refusalWithoutChange(db, () => as("user@acme.test", resendInvitations, [userId]))).toEqual({ code: "FORBIDDEN", upFront: true });
  });

  it("counts toward the 25 invitations a day", async () => {
    const admin = await actorFor(db, "admin@acme.test");
    const { userId } = await invite(db, "admin@acme.test", { email: "new@acme.test" });
    for (let i = 1; i <= 23; i++) await inviteUser(db, admin, { orgId: admin.org.id, name: "P", email: `p${i}@acme.test`, role: "user", locationIds: [] });
    expect((await as("admin@acme.test", resendInvitations, [userId])).done).toEqual([userId]);
    const over = await withoutChange(db, () => as("admin@acme.test", resendInvitations, [userId]));
    expect(over.skipped[0]).toMatchObject({ code: "LIMIT", refusal: "DAILY_INVITE_CAP", reason: "At most 25 invitations can be sent per day; 0 left today" });
  });
});

describe("revoke invitation", () => {
  it("removes the pending user and their link; the audit row stays", async () => {
    const { userId, token } = await invite(db, "admin@acme.test", { email: "new@acme.test" });
    expect(await as("staff@acme.test", revokeInvitations, [userId])).toEqual({ done: [userId], skipped: [] });
    expect(await db.select().from(users).where(eq(users.id, userId))).toEqual([]);
    expect(await db.select().from(userTokens).where(eq(userTokens.userId, userId))).toEqual([]);
    expect((await auditOf(db, userId)).map((a) => a.action)).toEqual(["user_invited", "user_invitation_revoked"]);
    const error = await refusedWithoutChange(db, () => acceptInvitation(db, { token, password: NEW_PASSWORD }, { ip: "10.0.0.5" }));
    expect(error.message).toBe(LINK_EXPIRED);
  });

  it("refuses accepted users (CONFLICT), Staff revoking a pending Admin and a User (FORBIDDEN)", async () => {
    const accepted = await withoutChange(db, async () => as("admin@acme.test", revokeInvitations, [await idOf(db, "user@acme.test")]));
    expect(accepted.skipped[0]?.code).toBe("CONFLICT");
    const { userId: pendingAdmin } = await invite(db, "admin@acme.test", { email: "boss@acme.test", role: "admin" });
    const staff = await withoutChange(db, () => as("staff@acme.test", revokeInvitations, [pendingAdmin]));
    expect(staff.skipped[0]).toMatchObject({ code: "FORBIDDEN", refusal: "ROLE_ABOVE_YOURS", reason: "Only an Admin can revoke the invitation of an Admin" });
    expect(await refusalWithoutChange(db, () => as("user@acme.test", revokeInvitations, [pendingAdmin]))).toEqual({ code: "FORBIDDEN", upFront: true });
  });
});

describe("the accept page's peek at an invitation", () => {
  it("names the invited email and the org being joined, for a usable link only", async () => {
    const { token } = await invite(db, "admin@acme.test", { email: "new@muller.test", orgName: "Muller Boiler Group" });
    expect(await peekInvitation(db, token)).toEqual({ email: "new@muller.test", orgName: "Muller Boiler Group" });

    // Nothing about anyone for a link that cannot be used: malformed, unknown, expired, used.
    expect(await peekInvitation(db, "not-a-token")).toBeNull();
    expect(await peekInvitation(db, token.replace(/^./, (c) => (c === "A" ? "B" : "A")))).toBeNull();
    expect(await peekInvitation(db, token, new Date(Date.now() + TOKEN_LIFETIME_MS.invitation + 60_000))).toBeNull();
    await acceptInvitation(db, { token, password: NEW_PASSWORD }, { ip: "10.0.0.5" });
    expect(await peekInvitation(db, token)).toBeNull();
  });

  it("a password-reset link is not an invitation", async () => {
    const { userId } = await invite(db, "admin@acme.test", { email: "new@acme.test" });
    const [user] = await db.select().from(users).where(eq(users.id, userId));
    const reset = await issueToken(db, { tenantId: user!.tenantId, userId, kind: "password_reset" });
    expect(await peekInvitation(db, reset)).toBeNull();
  });
});
