import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(__dirname),
      // Outside the react-server condition `server-only` throws on import; this is what
      // that condition resolves to.
      "server-only": path.resolve(__dirname, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "db/**/*.test.ts", "tests/**/*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration tests share one database per worker file; keep files serial on 2 cores.
    fileParallelism: false,
    // next-auth imports "next/server" without an extension, which only Vite's resolver (not
    // Node's) understands; inlining it also lets tests mock "next/headers" underneath it.
    server: { deps: { inline: ["next-auth"] } },
  },
});
