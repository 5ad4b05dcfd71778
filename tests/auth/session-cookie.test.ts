import { decode, encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { claimsFromToken, SESSION_COOKIE, sessionToken } from "@/lib/auth/session-cookie";

// getViewer() decrypts the session cookie itself rather than through Auth.js' auth(); these
// pin that it accepts exactly what Auth.js issues and nothing else.
const secret = "a-test-secret-of-enough-length-0123456789";
const claims = { sid: "7d0c1d2e-0000-4000-8000-000000000001", uid: "7d0c1d2e-0000-4000-8000-000000000002", sv: 3 };
const issue = (token: Record<string, unknown>, options: { secret?: string; salt?: string; maxAge?: number } = {}) =>
  encode({ token, secret: options.secret ?? secret, salt: options.salt ?? SESSION_COOKIE, maxAge: options.maxAge });

describe("session cookie", () => {
  it("reads the claims of a token Auth.js issued", async () => {
    expect(await claimsFromToken(await issue({ sub: claims.uid, ...claims }), secret)).toEqual(claims);
  });

  it("refuses a token made with another secret or for another cookie", async () => {
    expect(await claimsFromToken(await issue(claims, { secret: "another-secret-of-enough-length-987654" }), secret)).toBeNull();
    expect(await claimsFromToken(await issue(claims, { salt: "authjs.session-token" }), secret)).toBeNull();
  });

  it("refuses a tampered, truncated or expired token", async () => {
    const token = await issue(claims);
    const flipped = token.slice(0, -5) + (token.at(-5) === "A" ? "B" : "A") + token.slice(-4);
    expect(await claimsFromToken(flipped, secret)).toBeNull();
    expect(await claimsFromToken(token.slice(0, 40), secret)).toBeNull();
    expect(await claimsFromToken("not-a-token", secret)).toBeNull();
    expect(await claimsFromToken(await issue(claims, { maxAge: -60 }), secret)).toBeNull();
  });

  it("refuses a valid token that lacks the session claims", async () => {
    expect(await claimsFromToken(await issue({ sub: claims.uid, uid: claims.uid, sv: 1 }), secret)).toBeNull();
    expect(await claimsFromToken(await issue({ ...claims, sv: "3" }), secret)).toBeNull();
  });

  it("issues, when it renews a session id, a token read back as the same claims and nothing more", async () => {
    const token = await sessionToken(claims, secret);
    expect(await claimsFromToken(token, secret)).toEqual(claims);
    const decoded = await decode({ token, secret, salt: SESSION_COOKIE });
    expect(Object.keys(decoded ?? {}).sort()).toEqual(["exp", "iat", "jti", "sid", "sub", "sv", "uid"]);
    expect(await claimsFromToken(await sessionToken(claims, "another-secret-of-enough-length-987654"), secret)).toBeNull();
  });
});
