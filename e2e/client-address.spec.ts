// Issue 17 over real HTTP, through both ways an operator starts Roster: `npm start` (server.mjs)
// and plain `next start`. Each server gets its own port and a fresh embedded database with the
// demo tenants, so the lockouts below touch nothing the other specs use.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { encode } from "next-auth/jwt";
import { DEMO_PASSWORD } from "./personas";
import { cookieHeader, E2E_SECRET, logInOverHttp, startServer, type Jar, type Server } from "./http";

const BASE_PORT = Number(process.env.E2E_PORT ?? 3100) + 10;

for (const [i, how] of (["npm start", "next start"] as const).entries()) {
  test.describe(`started with ${how}`, () => {
    test.describe.configure({ mode: "serial", timeout: 120_000 });
    let server: Server;
    test.beforeAll(async () => {
      test.setTimeout(120_000);
      server = await startServer(how, BASE_PORT + i);
    });
    test.afterAll(async () => {
      await server?.stop();
    });

    test("a forged peer or forwarded header does not escape the lock on (email, address)", async () => {
      for (let n = 0; n < 10; n++) {
        const forged = { "x-roster-peer": `203.0.113.${n}`, "x-forwarded-for": `198.51.100.${n}` };
        expect(await logInOverHttp(server.url, "staff@acme.test", `wrong-password-${n}`, new Map(), forged)).toBe(false);
      }
      // The right password, from "another address" by header: still this socket, still locked.
      expect(await logInOverHttp(server.url, "staff@acme.test", DEMO_PASSWORD, new Map(), { "x-roster-peer": "203.0.113.77" })).toBe(false);
      expect(await logInOverHttp(server.url, "staff@acme.test", DEMO_PASSWORD, new Map(), { "x-forwarded-for": "203.0.113.78" })).toBe(false);
      // The lock is this pair's only: another account logs in from the same address.
      expect(await logInOverHttp(server.url, "r@muller.test", DEMO_PASSWORD)).toBe(true);
    });

    test("a flood of wrong passwords from one address blocks that address, never a browser that logged in before", async () => {
      const trusted: Jar = new Map();
      expect(await logInOverHttp(server.url, "admin@acme.test", DEMO_PASSWORD, trusted)).toBe(true);
      expect(trusted.has("roster.device")).toBe(true);
      for (let n = 0; n < 60; n++) await logInOverHttp(server.url, `flood-${n}@nowhere.test`, "wrong-password");
      // A client with no history here is refused for now (the address is blocked for minutes)…
      expect(await logInOverHttp(server.url, "w@muller.test", DEMO_PASSWORD)).toBe(false);
      // …while the person on their own browser logs in as always.
      expect(await logInOverHttp(server.url, "admin@acme.test", DEMO_PASSWORD, trusted)).toBe(true);
    });

    test("a page that fails in the database is logged without the request's ids", async () => {
      // A session cookie whose id Postgres rejects makes the page's first query fail, the way an
      // outage would; the ids travel as the query's parameters.
      const sid = `not-a-uuid-${randomUUID()}`;
      const uid = randomUUID();
      const token = await encode({ token: { sub: uid, uid, sid, sv: 1 }, secret: E2E_SECRET, salt: "roster.session", maxAge: 3600 });
      const before = server.output().length;
      const res = await fetch(`${server.url}/profile`, { headers: { cookie: cookieHeader(new Map([["roster.session", token]])) } });
      expect(res.status).toBe(500);
      await expect.poll(() => server.output().slice(before)).toContain("Failed query");
      const log = server.output().slice(before);
      expect(log).not.toContain(sid);
      expect(log).not.toContain(uid);
    });
  });
}

test("the 404 page carries this request's CSP nonce, so its scripts run", async ({ request }) => {
  const nonces: string[] = [];
  for (let n = 0; n < 2; n++) {
    const res = await request.get(`/no-such-page-${n}`);
    expect(res.status()).toBe(404);
    const header = res.headers()["content-security-policy"] ?? "";
    const nonce = /'nonce-([^']+)'/.exec(header)?.[1];
    expect(nonce).toBeTruthy();
    const html = await res.text();
    const scriptNonces = [...html.matchAll(/<script[^>]*\snonce="([^"]+)"/g)].map((m) => m[1]);
    expect(scriptNonces.length).toBeGreaterThan(0);
    expect(new Set(scriptNonces)).toEqual(new Set([nonce]));
    nonces.push(nonce!);
  }
  expect(nonces[0]).not.toBe(nonces[1]);
});
