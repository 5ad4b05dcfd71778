// Issue 17 item 5 (security.md D1): Auth.js' own /api/auth/session must not vouch for a session
// the database has ended. The route handler is called as Next.js would call it, with the
// browser's cookie; the database is real.
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { GET } from "@/app/api/auth/[...nextauth]/route";
import { revokeSession } from "@/lib/auth/session-check";
import { authSecret } from "@/lib/auth/secret";
import { SESSION_COOKIE, sessionToken } from "@/lib/auth/session-cookie";
import { freshDemoDb } from "../helpers/db";
import { openSession } from "../helpers/fixtures";

let db: Db;
beforeEach(async () => {
  db = await freshDemoDb();
});

async function askSession(cookie: string) {
  const res = await GET(new NextRequest("http://localhost:3000/api/auth/session", { headers: { cookie: `${SESSION_COOKIE}=${cookie}` } }));
  const setCookie = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`)) ?? null;
  return { status: res.status, body: (await res.json()) as Record<string, unknown> | null, setCookie };
}

describe("/api/auth/session", () => {
  it("answers for a live session", async () => {
    const claims = await openSession(db, "admin@acme.test");
    const answer = await askSession(await sessionToken(claims, authSecret()));
    expect(answer.body).toMatchObject({ claims: { sid: claims.sid, uid: claims.uid } });
  });

  it("answers 'no session' for a revoked one and clears the cookie instead of re-issuing it", async () => {
    const claims = await openSession(db, "admin@acme.test");
    const cookie = await sessionToken(claims, authSecret());
    await revokeSession(db, claims.sid);
    const answer = await askSession(cookie);
    expect(answer.body ?? {}).not.toHaveProperty("claims");
    expect(answer.body ?? {}).not.toHaveProperty("user");
    // Cleared (empty value, expired), never a fresh 12-hour cookie.
    expect(answer.setCookie).not.toBeNull();
    expect(answer.setCookie!).toMatch(new RegExp(`^${SESSION_COOKIE.replace(".", "\\.")}=;`));
  });
});
