import type { NextConfig } from "next";
import { installPeerStamp } from "./lib/auth/peer-stamp.cjs";

// `next start` and `next dev` read this file in the process that serves, before it listens:
// the earliest moment to stamp every request with its socket address (lib/auth/peer-stamp.cjs).
// TRUST_PROXY is validated by lib/env; here it only decides whether to warn about X-Forwarded-For.
installPeerStamp(Number(process.env.TRUST_PROXY) || 0);

const noStore = [{ key: "Cache-Control", value: "private, no-store" }];

const nextConfig: NextConfig = {
  // PGlite ships WASM and extension bundles that must be loaded from node_modules at run
  // time, not bundled (stack-notes.md trap 1). argon2 is a native addon.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2"],
  poweredByHeader: false,
  // `npm test` runs `tsc --noEmit` over the whole project (tests included) before building;
  // checking again inside `next build` would only double the time on two cores.
  typescript: { ignoreBuildErrors: true },
  reactStrictMode: true,
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
      // Authenticated pages are never cached by the browser or a shared cache (G3).
      { source: "/o/:path*", headers: noStore },
      { source: "/profile", headers: noStore },
      { source: "/api/:path*", headers: noStore },
      // Token pages: the token must not leak through the Referer header (E6).
      { source: "/invite/:path*", headers: [...noStore, { key: "Referrer-Policy", value: "no-referrer" }] },
      { source: "/reset/:path*", headers: [...noStore, { key: "Referrer-Policy", value: "no-referrer" }] },
      { source: "/signup/:token", headers: [...noStore, { key: "Referrer-Policy", value: "no-referrer" }] },
    ];
  },
};

export default nextConfig;
