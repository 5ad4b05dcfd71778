// security.md H4 and issue 17 item 1: the client's address comes from the socket of the process
// that accepted the request, never from a header the client sends. Real HTTP servers on
// loopback; the stamp is what instrumentation.ts installs under npm start, next start and dev.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { clientIp, UnknownClientAddressError } from "@/lib/auth/client-ip";
import { addressBucket } from "@/lib/auth/throttle";
import { installPeerStamp, PEER_HEADER, peerStampFor, stampedPeer } from "@/lib/auth/peer-stamp.cjs";

/** A server that answers with what clientIp() makes of each request, given TRUST_PROXY. */
function ipServer(trustedProxies: number) {
  return http.createServer((req, res) => {
    const headers = new Headers(Object.entries(req.headers).flatMap(([k, v]) => (typeof v === "string" ? [[k, v] as [string, string]] : [])));
    try {
      res.end(JSON.stringify({ ip: clientIp(headers, trustedProxies) }));
    } catch (error) {
      res.statusCode = 503;
      res.end(JSON.stringify({ error: (error as Error).name }));
    }
  });
}

async function listen(server: http.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const ask = async (url: string, headers: Record<string, string> = {}) => {
  const res = await fetch(url, { headers });
  return { status: res.status, body: (await res.json()) as { ip?: string; error?: string } };
};

describe("without the stamp installed", () => {
  it("refuses every address, forged or not, instead of pooling everyone as 'unknown'", () => {
    expect(stampedPeer("203.0.113.77")).toBeNull();
    expect(() => clientIp(new Headers({ [PEER_HEADER]: "203.0.113.77" }), 0)).toThrow(UnknownClientAddressError);
    expect(() => clientIp(new Headers(), 0)).toThrow(UnknownClientAddressError);
  });
});

describe("with the stamp installed", () => {
  const servers: http.Server[] = [];
  let direct: string;
  let behindProxy: string;
  const warnings: string[] = [];
  beforeAll(async () => {
    vi.spyOn(console, "warn").mockImplementation((line: unknown) => void warnings.push(String(line)));
    installPeerStamp(0);
    servers.push(ipServer(0), ipServer(1));
    direct = await listen(servers[0]!);
    behindProxy = await listen(servers[1]!);
  });
  afterAll(() => {
    servers.forEach((s) => s.close());
    vi.restoreAllMocks();
  });

  it("keys a request on its socket address whatever peer header the client sends", async () => {
    expect(await ask(direct)).toEqual({ status: 200, body: { ip: "127.0.0.1" } });
    expect(await ask(direct, { [PEER_HEADER]: "203.0.113.77" })).toEqual({ status: 200, body: { ip: "127.0.0.1" } });
    // Even a value shaped like a stamp is overwritten, so guessing its form gains nothing.
    expect(await ask(direct, { [PEER_HEADER]: "guess 203.0.113.77" })).toEqual({ status: 200, body: { ip: "127.0.0.1" } });
  });

  it("ignores X-Forwarded-For without TRUST_PROXY, and takes exactly the trusted hop with it", async () => {
    expect((await ask(direct, { "x-forwarded-for": "1.2.3.4" })).body.ip).toBe("127.0.0.1");
    expect((await ask(behindProxy, { "x-forwarded-for": "6.6.6.6, 203.0.113.7" })).body.ip).toBe("203.0.113.7");
    // A request that went around the proxy (no hop), or a hop that is no address, is refused, never keyed as the proxy.
    expect(await ask(behindProxy)).toEqual({ status: 503, body: { error: "UnknownClientAddressError" } });
    expect(await ask(behindProxy, { "x-forwarded-for": "not-an-address" })).toEqual({ status: 503, body: { error: "UnknownClientAddressError" } });
  });

  it("refuses a header that this process did not stamp", () => {
    expect(() => clientIp(new Headers({ [PEER_HEADER]: "203.0.113.77" }), 0)).toThrow(UnknownClientAddressError);
    expect(clientIp(new Headers({ [PEER_HEADER]: peerStampFor("10.0.0.5") }), 0)).toBe("10.0.0.5");
  });

  it("warns once, saying how to configure it, when X-Forwarded-For arrives with TRUST_PROXY=0", async () => {
    await ask(direct, { "x-forwarded-for": "9.9.9.9" });
    const about = warnings.filter((w) => w.includes("X-Forwarded-For") && w.includes("Set TRUST_PROXY"));
    expect(about).toHaveLength(1);
  });
});

describe("the address limits count by", () => {
  it("is the IPv4 address itself, an IPv4-mapped one's IPv4 address, or an IPv6 address's /64", () => {
    expect(addressBucket("203.0.113.7")).toBe("203.0.113.7");
    expect(addressBucket("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(addressBucket("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(addressBucket("2001:0db8:0001:0002:ffff:1:2:3")).toBe("2001:db8:1:2::/64");
    expect(addressBucket("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(addressBucket("::1")).toBe("0:0:0:0::/64");
  });
});
