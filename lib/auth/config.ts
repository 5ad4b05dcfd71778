import "server-only";
import NextAuth, { type NextAuthConfig } from "next-auth";
import "next-auth/jwt";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { cookies } from "next/headers";
import { clientIp } from "./client-ip";
import { cookieFromHeader, DEVICE_COOKIE, DEVICE_COOKIE_OPTIONS } from "./device-cookie";
import { logIn } from "./login";
import { authSecret } from "./secret";
import { SESSION_COOKIE, SESSION_COOKIE_OPTIONS, SESSION_MAX_AGE_SECONDS } from "./session-cookie";
import { loadViewer, type SessionClaims } from "./session-check";

declare module "next-auth" {
  interface User {
    sid?: string;
    sv?: number;
  }
  interface Session {
    claims?: SessionClaims;
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    sid?: string;
    uid?: string;
    sv?: number;
  }
}

const config: NextAuthConfig = {
  secret: authSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login" },
  cookies: {
    sessionToken: { name: SESSION_COOKIE, options: SESSION_COOKIE_OPTIONS },
  },
  providers: [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        const result = await logIn(await getDb(), {
          email: credentials?.email,
          password: credentials?.password,
          ip: clientIp(request.headers),
          userAgent: request.headers.get("user-agent"),
          device: { cookie: cookieFromHeader(request.headers.get("cookie"), DEVICE_COOKIE), secret: authSecret() },
        });
        if (!result) return null;
        // This browser is now trusted for this account (lib/auth/device-cookie.ts).
        if (result.deviceCookie) (await cookies()).set(DEVICE_COOKIE, result.deviceCookie, DEVICE_COOKIE_OPTIONS);
        return { id: result.userId, sid: result.sessionId, sv: result.sessionVersion };
      },
    }),
  ],
  callbacks: {
    // Only identifiers go into the token; getViewer() reloads everything else per request.
    // Every Auth.js route that answers about an existing session (/api/auth/session) asks the
    // database first: a revoked, expired or outdated session is no session, and returning null
    // makes Auth.js clear the cookie instead of re-issuing it (security.md D1).
    async jwt({ token, user }) {
      if (user) return { sub: user.id, uid: user.id, sid: user.sid, sv: user.sv };
      if (typeof token.sid !== "string" || typeof token.uid !== "string" || typeof token.sv !== "number") return null;
      const live = await loadViewer(await getDb(), { sid: token.sid, uid: token.uid, sv: token.sv });
      return live ? token : null;
    },
    session({ session, token }) {
      if (token.sid && token.uid && typeof token.sv === "number") {
        session.claims = { sid: token.sid, uid: token.uid, sv: token.sv };
      }
      return session;
    },
  },
  logger: {
    // A wrong password is an expected event, audited elsewhere; not a stack trace.
    error(error) {
      if (error.name === "CredentialsSignin" || (error as { type?: string }).type === "CredentialsSignin") return;
      console.error(JSON.stringify({ level: "error", msg: "auth error", name: error.name, error: error.message }));
    },
  },
};

export const { handlers, signIn, signOut } = NextAuth(config);
