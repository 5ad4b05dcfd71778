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
  // Pages, components and the data layer ask the policy (can, may, devicesInSight) what a viewer
  // may do, never the raw grants: a control then shows exactly when the server would accept it.
  {
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}"],
    ignores: ["lib/policy/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "CallExpression[callee.property.name='has'][callee.object.property.name='grants']", message: "Ask lib/policy (can, may, devicesInSight) instead of reading grants." },
      ],
    },
  },
  // Layering (architecture.md): each rule names what a folder may not import. A later entry
  // replaces an earlier one for the files both match, so the narrower folders repeat the wider rule.
  ...layers([
    { files: ["lib/**/*.{ts,tsx}"], forbid: ["@/components", "@/components/*", "@/app", "@/app/*"], message: "lib/ imports neither components/ nor app/." },
    { files: ["components/**/*.{ts,tsx}"], forbid: ["@/app", "@/app/*"], message: "components/ does not import app/: a route hands its server actions down as props." },
    {
      files: ["lib/policy/**/*.ts"],
      ignores: ["lib/policy/**/*.test.ts"],
      forbid: ["@/*", "node:*", "drizzle-orm", "drizzle-orm/*", "pg", "next", "next/*", "react", "server-only"],
      message: "lib/policy is pure: no I/O and nothing outside itself.",
    },
    {
      files: ["db/**/*.ts"],
      forbid: ["@/lib/*", "!@/lib/env", "!@/lib/policy", "!@/lib/policy/*", "@/components", "@/components/*", "@/app", "@/app/*"],
      message: "db/ imports from lib/ only lib/env and the pure lib/policy (whose lists feed the enums and the demo seed).",
    },
  ]),
];
export default config;

function layers(rules) {
  return rules.map(({ files, ignores, forbid, message }) => ({
    files,
    ...(ignores ? { ignores } : {}),
    rules: { "no-restricted-imports": ["error", { patterns: [{ group: forbid, message }] }] },
  }));
}
