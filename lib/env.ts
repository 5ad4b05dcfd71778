import { z } from "zod";
import { PLAN_KEYS } from "@/lib/policy/plans";

// The environment, read once and validated. Only this module reads process.env for
// configuration (the build phase marker and NODE_ENV aside).
const schema = z.object({
  DATABASE_URL: z.string().url().optional(),
  PGLITE_DIR: z.string().min(1).default(".data/pglite"),
  AUTH_SECRET: z.string().min(32).optional(),
  APP_URL: z.string().url().default("http://localhost:3000"),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("Roster <no-reply@roster.local>"),
  SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(30),
  SESSION_MAX_HOURS: z.coerce.number().positive().default(12),
  // Number of reverse proxies in front of the app whose X-Forwarded-For we trust.
  TRUST_PROXY: z.coerce.number().int().min(0).default(0),
  // The development mailbox page (/dev/mailbox) under `next start`, for end-to-end tests.
  DEV_MAILBOX: z.enum(["0", "1"]).optional(),
  // /bench/users: the users page rendered from fixed rows, no session, no database — the
  // benchmark's reference for what the page costs without its data (bench/README.md).
  BENCH_PAGES: z.enum(["0", "1"]).optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  // Whether anyone may create a tenant at /signup; unset: open in development and demo mode
  // (the embedded database), closed in production (signupOpen below).
  SIGNUP: z.enum(["open", "closed"]).optional(),
  // The plan a tenant created by sign-up starts on.
  SIGNUP_PLAN: z.enum(PLAN_KEYS).default("free"),
  // An operator's JSON file overriding the plans' limits (lib/plans/file.ts).
  ROSTER_PLANS_FILE: z.string().min(1).optional(),
  // The embedded database gets the demo tenants on first start; 0 for an embedded install without them.
  DEMO: z.enum(["0", "1"]).default("1"),
});

export type Env = z.infer<typeof schema>;

function emptyToUndefined(source: NodeJS.ProcessEnv): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(source).map(([k, v]) => [k, v === "" ? undefined : v]));
}

export const env: Env = schema.parse(emptyToUndefined(process.env));

/** Demo mode: the embedded database with its demo tenants. */
export const demoMode = () => !env.DATABASE_URL && env.DEMO === "1";

/** Sign-up is the operator's choice; unset, it is open in development and demo mode only. */
export const signupOpen = () => (env.SIGNUP ? env.SIGNUP === "open" : env.NODE_ENV !== "production" || demoMode());
