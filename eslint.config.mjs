import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", "db/migrations/**", "node_modules/**", ".data/**", "playwright-report/**", "test-results/**", "next-env.d.ts"],
  },
  // CommonJS on purpose: loaded by next.config.ts and server.mjs before Next.js starts.
  { files: ["**/*.cjs"], rules: { "@typescript-eslint/no-require-imports": "off" } },
  {
    files: ["**/*.{js,jsx,mjs,ts,tsx}"],
    rules: {
      // F2: SQL goes through Drizzle parameters only.
      "no-restricted-properties": ["error", { object: "sql", property: "raw", message: "sql.raw is banned (security.md F2); use parameters." }],
      // F5: user data is rendered as text.
      "react/no-danger": "error",
    },
  },
];
export default config;
