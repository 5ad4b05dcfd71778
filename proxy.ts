// Runs before every page. It only (1) sends anonymous visitors of console pages to /login and
// (2) sets the CSP nonce. It never authorizes: that happens in lib/, next to the data.
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, HSTS } from "@/lib/security/csp";

const SESSION_COOKIES = ["roster.session", "__Host-roster.session"];
const CONSOLE_PREFIXES = ["/o/", "/profile"];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const isConsole = CONSOLE_PREFIXES.some((prefix) => pathname === prefix.replace(/\/$/, "") || pathname.startsWith(prefix));
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (isConsole && !hasSession) {
    const login = new URL("/login", request.url);
    login.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(login);
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const https = request.nextUrl.protocol === "https:";
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development", https });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  if (https) response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

export const config = {
  matcher: [
    // Pages only: not the auth API, not static assets.
    "/((?!api|_next/static|_next/image|favicon.ico|icon.svg).*)",
  ],
};
