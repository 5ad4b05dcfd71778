// The operator's commands: what each takes on the command line, which lib/operator function it
// runs and how its result reads. Parsing and exit codes live in main.ts.
import type { z } from "zod";
import type { Db } from "@/db/client";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { createTenant } from "@/lib/operator/create-tenant";
import { deleteTenant } from "@/lib/operator/delete-tenant";
import { listTenants, showTenant } from "@/lib/operator/list";
import { issueResetLink } from "@/lib/operator/reset-link";
import { createTenantSchema, deleteTenantSchema, resetLinkSchema, setPlanSchema, tenantRefSchema } from "@/lib/operator/schemas";
import { setTenantPlan } from "@/lib/operator/set-plan";
import { resumeTenant, suspendTenant } from "@/lib/operator/suspend";
import { planLimits, plansInForce } from "@/lib/policy";
import { deletedText, planTable, suspensionText, tenantDetails, tenantTable, when } from "./print";

export type Given = { args: readonly string[]; flags: Readonly<Record<string, string | undefined>> };

export type Command = {
  /** "tenant create", "plans". */
  name: string;
  synopsis: string;
  summary: string;
  /** Positional arguments after the name, all required. */
  args: readonly string[];
  required: readonly string[];
  optional: readonly string[];
  /** Whether it opens (and migrates) the database; `plans` reads only the configuration. */
  database: boolean;
  /** Checks what was typed (before any database is opened) and returns the work to do. */
  prepare: (given: Given) => (db: Db | null, now: Date) => Promise<{ result: unknown; text: string }>;
};

/**
 * The schema's verdict on what was typed: INVALID, naming each argument that is wrong the way it
 * was typed (`--admin-email`, `<plan>`). `fields`: each schema field's label and value.
 */
function input<S extends z.ZodType>(schema: S, fields: Readonly<Record<string, readonly [label: string, value: unknown]>>): z.output<S> {
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(fields).map(([key, [, value]]) => [key, value])));
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0] ?? "_")] ??= issue.message;
  const message = Object.entries(fieldErrors)
    .map(([field, text]) => `${fields[field]?.[0] ?? field}: ${text}`)
    .join(" ");
  throw new DomainError("INVALID", message, { fieldErrors });
}

type Definition<I, T> = Omit<Command, "prepare" | "database"> & {
  input: (given: Given) => I;
  run: (db: Db, input: I, now: Date) => Promise<T>;
  text: (result: T) => string;
};

/** A command on the database. */
function define<I, T>({ input: read, run, text, ...rest }: Definition<I, T>): Command {
  return {
    ...rest,
    database: true,
    prepare: (given) => {
      const parsed = read(given);
      return async (db, now) => {
        const result = await run(db!, parsed, now);
        return { result, text: text(result) };
      };
    },
  };
}

const tenantRef = (given: Given) => input(tenantRefSchema, { tenantId: ["<id>", given.args[0]] });

export const COMMANDS: readonly Command[] = [
  define({
    name: "tenant create",
    synopsis: 'tenant create --name "Acme" --plan pro --admin-email a@acme.com [--admin-name "Ada Admin"]',
    summary: "a tenant with its root org and a pending Admin invitation (emailed, and its link printed)",
    args: [],
    required: ["name", "plan", "admin-email"],
    optional: ["admin-name"],
    input: ({ flags }) =>
      input(createTenantSchema, { name: ["--name", flags.name], plan: ["--plan", flags.plan], adminEmail: ["--admin-email", flags["admin-email"]], adminName: ["--admin-name", flags["admin-name"]] }),
    run: createTenant,
    text: (r) =>
      [
        `Created ${r.name} on the ${planLimits(r.plan).label} plan: tenant ${r.tenantId}.`,
        `${r.adminName} <${r.adminEmail}> is invited as its Admin; the invitation email is in the outbox.`,
        "Invitation link (single use, valid 30 days):",
        r.invitationLink,
      ].join("\n"),
  }),
  define({
    name: "tenant list",
    synopsis: "tenant list",
    summary: "every tenant: id, name, plan, users, organizations, created, suspended",
    args: [],
    required: [],
    optional: [],
    input: () => null,
    run: (db) => listTenants(db),
    text: tenantTable,
  }),
  define({
    name: "tenant show",
    synopsis: "tenant show <id>",
    summary: "one tenant: its limits in force, what it uses of them, its root Admins",
    args: ["id"],
    required: [],
    optional: [],
    input: tenantRef,
    run: showTenant,
    text: tenantDetails,
  }),
  define({
    name: "tenant set-plan",
    synopsis: "tenant set-plan <id> <plan>",
    summary: "moves a tenant to another plan; refused, naming every limit it would break",
    args: ["id", "plan"],
    required: [],
    optional: [],
    input: ({ args }) => input(setPlanSchema, { tenantId: ["<id>", args[0]], plan: ["<plan>", args[1]] }),
    run: setTenantPlan,
    text: (r) =>
      r.changed
        ? `${r.name} moved from the ${planLimits(r.from).label} plan to ${planLimits(r.to).label}.`
        : `${r.name} is already on the ${planLimits(r.to).label} plan; nothing changed.`,
  }),
  define({
    name: "tenant suspend",
    synopsis: "tenant suspend <id>",
    summary: "nobody of the tenant can log in, its sessions end, its links and pages answer as if it did not exist",
    args: ["id"],
    required: [],
    optional: [],
    input: tenantRef,
    run: suspendTenant,
    text: suspensionText,
  }),
  define({
    name: "tenant resume",
    synopsis: "tenant resume <id>",
    summary: "lifts a suspension",
    args: ["id"],
    required: [],
    optional: [],
    input: tenantRef,
    run: resumeTenant,
    text: suspensionText,
  }),
  define({
    name: "tenant delete",
    synopsis: 'tenant delete <id> --confirm "<its name>"',
    summary: "removes everything of the tenant in one transaction (the audit log keeps the record)",
    args: ["id"],
    required: ["confirm"],
    optional: [],
    input: ({ args, flags }) => input(deleteTenantSchema, { tenantId: ["<id>", args[0]], confirm: ["--confirm", flags.confirm] }),
    run: deleteTenant,
    text: deletedText,
  }),
  define({
    name: "user reset-link",
    synopsis: "user reset-link --email a@acme.com",
    summary: "prints a password-reset link to hand to a locked-out person (an invitation link if they never accepted theirs)",
    args: [],
    required: ["email"],
    optional: [],
    input: ({ flags }) => input(resetLinkSchema, { email: ["--email", flags.email] }),
    run: issueResetLink,
    text: (r) =>
      [
        r.kind === "invitation"
          ? `${r.email} (${r.tenantName}) never accepted their invitation: a new invitation link, single use, valid until ${when(r.expiresAt)} (the earlier one no longer works):`
          : `Password-reset link for ${r.email} (${r.tenantName}), single use, valid until ${when(r.expiresAt)}:`,
        r.link,
      ].join("\n"),
  }),
  {
    name: "plans",
    synopsis: "plans",
    summary: "the plan table in force (the defaults with ROSTER_PLANS_FILE over them)",
    args: [],
    required: [],
    optional: [],
    database: false,
    prepare: () => async () => {
      const source = env.ROSTER_PLANS_FILE ? `The defaults with ROSTER_PLANS_FILE (${env.ROSTER_PLANS_FILE}) over them.` : "The defaults (ROSTER_PLANS_FILE is not set).";
      return { result: plansInForce(), text: `${planTable(plansInForce())}\n${source}` };
    },
  },
];
